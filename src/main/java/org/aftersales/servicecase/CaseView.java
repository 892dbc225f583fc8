package org.aftersales.servicecase;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** {@code GET /api/cases/{caseNumber}}: where a case stands and how it got there. */
public record CaseView(
    String caseNumber,
    String status,
    String category,
    String priority,
    String channel,
    boolean complaint,
    Customer customer,
    Product product,
    String description,
    Instant openedAt,
    String openedBy,
    String owner,
    Instant acknowledgedAt,
    String resolutionSummary,
    Instant resolvedAt,
    Integer satisfaction,
    String feedbackComment,
    Instant closedAt,
    String processInstanceId,
    List<OpenTask> openTasks,
    List<Sla> sla,
    List<Attachment> attachments,
    List<BugTicketView> bugTickets,
    List<TimelineEntry> timeline) {

  public record Customer(String id, String name, String city, Integer cityTier, String contractLevel,
      String contact) {
  }

  public record Product(String sku, String productLine, String serialNumber, LocalDate purchaseDate) {
  }

  public record OpenTask(String id, String name, String taskDefinitionKey, String processDefinitionKey,
      String assignee, List<String> candidateGroups, Instant created, Instant due, int priority) {
  }

  public record Sla(String kind, int targetMinutes, String clock, Instant startedAt, Instant warnAt,
      Instant deadline, String status, Instant warnedAt, Instant breachedAt, Instant metAt) {
  }

  public record Attachment(long id, String fileName, String contentType, long sizeBytes, String sha256,
      Instant uploadedAt, String uploadedBy, String download) {
  }

  public record BugTicketView(String ticketKey, String status, int round, Instant confirmedAt,
      Instant rndAnsweredAt, Instant fixedAt, String fixVersion) {
  }

  /**
   * A step of one of the case's processes, or (type {@code approvalRecord}) a decision or
   * operation on one of its approvals, with its comment and whom it concerned; there
   * {@code activityId} is the approval's process instance id ({@code /api/approvals/{id}}).
   * {@code process} is the process's key; {@code processName}, like {@code activity}, is in the
   * reader's language where we have it in it (the Case tab's answer).
   */
  public record TimelineEntry(Instant at, Instant endedAt, String process, String activityId, String activity,
      String type, String assignee, boolean canceled, String comment, String target, String processName) {
  }
}
