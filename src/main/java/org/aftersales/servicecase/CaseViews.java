package org.aftersales.servicecase;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftersales.api.ApiException;
import org.aftersales.approval.ApprovalRecord;
import org.aftersales.approval.ApprovalRecordRepository;
import org.aftersales.approval.ApprovalTexts;
import org.aftersales.bugloop.BugTicketRepository;
import org.aftersales.common.Language;
import org.aftersales.common.SystemAuthority;
import org.aftersales.tasklist.TaskTexts;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricActivityInstance;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assembles a case's view: the case row, its SLA clocks, attachments and bug tickets from
 * our tables; open tasks from the engine; the timeline from the engine's history of every
 * process the case ran (its own, the bug escalation, the R&D desk) and the records of its
 * approvals.
 */
@Service
public class CaseViews {

  static final int MAX_PROCESSES = 50;
  static final int MAX_TIMELINE = 1000;
  static final int MAX_TASKS = 200;
  /** Routing steps say nothing to a reader of the timeline. */
  private static final Set<String> SKIPPED_TYPES = Set.of("exclusiveGateway", "eventBasedGateway",
      "parallelGateway", "inclusiveGateway", "multiInstanceBody");

  private final ServiceCaseRepository cases;
  private final CaseSlaRepository slas;
  private final CaseAttachmentRepository attachments;
  private final BugTicketRepository bugTickets;
  private final ApprovalRecordRepository approvalRecords;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final RepositoryService repositoryService;
  private final SystemAuthority system;

  public CaseViews(ServiceCaseRepository cases, CaseSlaRepository slas, CaseAttachmentRepository attachments,
      BugTicketRepository bugTickets, ApprovalRecordRepository approvalRecords, TaskService taskService, HistoryService historyService,
      RepositoryService repositoryService, SystemAuthority system) {
    this.cases = cases;
    this.slas = slas;
    this.attachments = attachments;
    this.bugTickets = bugTickets;
    this.approvalRecords = approvalRecords;
    this.taskService = taskService;
    this.historyService = historyService;
    this.repositoryService = repositoryService;
    this.system = system;
  }

  @Transactional(readOnly = true)
  public CaseView of(String caseNumber) {
    return of(caseNumber, Language.EN);
  }

  /**
   * The case with its timeline in {@code language}: process names, step names ({@link TimelineTexts})
   * and what approval records say (docs/languages.md).
   */
  @Transactional(readOnly = true)
  public CaseView of(String caseNumber, Language language) {
    ServiceCase c = cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> ApiException.notFound("No case " + caseNumber));
    return system.call(() -> new CaseView(
        c.getCaseNumber(), c.getStatus().code(), c.getCategory(), c.getPriority(), c.getChannel(), c.isComplaint(),
        new CaseView.Customer(c.getCustomerId(), c.getCustomerName(), c.getCustomerCity(), c.getCustomerCityTier(),
            c.getContractLevel(), c.getCustomerContact()),
        new CaseView.Product(c.getProductSku(), c.getProductLine(), c.getSerialNumber(), c.getPurchaseDate()),
        c.getDescription(), c.getOpenedAt(), c.getOpenedBy(), c.getOwner(), c.getAcknowledgedAt(),
        c.getResolutionSummary(), c.getResolvedAt(), c.getSatisfaction(), c.getFeedbackComment(), c.getClosedAt(),
        c.getProcessInstanceId(),
        openTasks(caseNumber),
        slas.findByCaseNumberOrderById(caseNumber).stream().map(CaseViews::sla).toList(),
        attachments.findByCaseNumberOrderById(caseNumber).stream().map(CaseViews::attachment).toList(),
        bugTickets.findByCaseNumberOrderById(caseNumber).stream()
            .map(t -> new CaseView.BugTicketView(t.getTicketKey(), t.getStatus().name().toLowerCase(), t.getRound(),
                t.getConfirmedAt(), t.getRndAnsweredAt(), t.getFixedAt(), t.getFixVersion()))
            .toList(),
        timeline(caseNumber, language)));
  }

  private List<CaseView.OpenTask> openTasks(String caseNumber) {
    List<Task> tasks = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .orderByTaskCreateTime().asc().listPage(0, MAX_TASKS);
    Map<String, String> processKeys = new HashMap<>();
    List<CaseView.OpenTask> open = new ArrayList<>();
    for (Task task : tasks) {
      List<String> groups = taskService.getIdentityLinksForTask(task.getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
          .map(IdentityLink::getGroupId).sorted().toList();
      String processKey = processKeys.computeIfAbsent(task.getProcessDefinitionId(),
          id -> repositoryService.getProcessDefinition(id).getKey());
      open.add(new CaseView.OpenTask(task.getId(), task.getName(), task.getTaskDefinitionKey(), processKey,
          task.getAssignee(), groups, instant(task.getCreateTime()), instant(task.getDueDate()), task.getPriority()));
    }
    return open;
  }

  private List<CaseView.TimelineEntry> timeline(String caseNumber, Language language) {
    List<HistoricProcessInstance> processes = historyService.createHistoricProcessInstanceQuery()
        .processInstanceBusinessKey(caseNumber).orderByProcessInstanceStartTime().asc().listPage(0, MAX_PROCESSES);
    List<CaseView.TimelineEntry> entries = new ArrayList<>();
    for (HistoricProcessInstance process : processes) {
      List<HistoricActivityInstance> activities = historyService.createHistoricActivityInstanceQuery()
          .processInstanceId(process.getId())
          .orderByHistoricActivityInstanceStartTime().asc()
          .orderPartiallyByOccurrence().asc()
          .listPage(0, MAX_TIMELINE);
      String key = process.getProcessDefinitionKey();
      String processName = TaskTexts.processName(process.getProcessDefinitionName(), key, language);
      for (HistoricActivityInstance activity : activities) {
        if (SKIPPED_TYPES.contains(activity.getActivityType())) {
          continue;
        }
        String name = activity.getActivityName() != null
            ? TimelineTexts.activityName(key, activity.getActivityId(), activity.getActivityName(), language)
            : activity.getActivityId();
        entries.add(new CaseView.TimelineEntry(instant(activity.getStartTime()), instant(activity.getEndTime()),
            key, activity.getActivityId(), name, activity.getActivityType(), activity.getAssignee(),
            activity.isCanceled(), null, null, processName));
      }
    }
    String approvalName = TaskTexts.processName("Approval", "approval", language);
    for (ApprovalRecord record : approvalRecords.findByCaseNumberOrderById(caseNumber)) {
      String stepName = ApprovalTexts.stepName(record.getStepName(), language);
      String step = stepName == null ? "" : language == Language.EN ? " (" + stepName + ")" : "（" + stepName + "）";
      entries.add(new CaseView.TimelineEntry(record.getRecordedAt(), null, "approval",
          record.getProcessInstanceId(), ApprovalTexts.action(record.getAction(), language) + step, "approvalRecord",
          record.getActor(), false, record.getComment(), record.getTarget(), approvalName));
    }
    entries.sort(Comparator.comparing(CaseView.TimelineEntry::at));
    return entries.size() > MAX_TIMELINE ? entries.subList(0, MAX_TIMELINE) : entries;
  }

  private static CaseView.Sla sla(CaseSla s) {
    return new CaseView.Sla(s.getKind(), s.getTargetMinutes(), s.isAroundTheClock() ? "24x7" : "business-hours",
        s.getStartedAt(), s.getWarnAt(), s.getDeadline(), s.getStatus(), s.getWarnedAt(), s.getBreachedAt(),
        s.getMetAt());
  }

  private static CaseView.Attachment attachment(CaseAttachment a) {
    return new CaseView.Attachment(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(),
        a.getUploadedAt(), a.getUploadedBy(),
        "/api/cases/" + a.getCaseNumber() + "/attachments/" + a.getId());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
