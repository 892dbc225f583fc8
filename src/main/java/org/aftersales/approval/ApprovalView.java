package org.aftersales.approval;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/** {@code GET /api/approvals/{processInstanceId}}: the request, its route, who holds it now, and every record. */
public record ApprovalView(
    String processInstanceId,
    String businessKey,
    String status,
    String subjectType,
    BigDecimal amount,
    String currency,
    String requester,
    String department,
    String region,
    String summary,
    Integer round,
    CurrentStep currentStep,
    List<RouteStep> route,
    List<String> copiedTo,
    List<Entry> records,
    /** What the reader may do now (GET only): transfer, add-approver, copy, return, urge, withdraw. */
    List<String> operations) {

  /** The same view, with what its reader may do. */
  public ApprovalView withOperations(List<String> allowed) {
    return new ApprovalView(processInstanceId, businessKey, status, subjectType, amount, currency, requester,
        department, region, summary, round, currentStep, route, copiedTo, records, List.copyOf(allowed));
  }

  public record CurrentStep(int step, String name, String signMode, List<OpenTask> tasks) {
  }

  public record OpenTask(String taskId, String assignee, List<String> candidates, Instant created, Instant due) {
  }

  /** {@code action} is the stored code; {@code actionText} what it says, in the reader's language. */
  public record Entry(long id, Instant at, int round, Integer step, String stepName, String actor, String action,
      String actionText, String target, String comment) {
  }
}
