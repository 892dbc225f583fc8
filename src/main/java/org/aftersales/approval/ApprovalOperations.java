package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftersales.api.ApiException;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The operations on a running approval that Tasklist does not offer: transfer, add an
 * approver, copy, urge, withdraw, return to the previous step; and reading an approval.
 * Each checks that the caller is the right person (403 otherwise) and is recorded.
 */
@Service
public class ApprovalOperations {

  static final int MAX_COPIES = 20;

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final ApprovalSteps steps;
  private final ApprovalParticipants participants;
  private final ApprovalRecordRepository recordRepository;
  private final ApprovalOperationScope scope;

  public ApprovalOperations(RuntimeService runtimeService, TaskService taskService, HistoryService historyService,
      IdentityService identityService, SystemAuthority system, ApprovalSteps steps,
      ApprovalParticipants participants, ApprovalRecordRepository recordRepository, ApprovalOperationScope scope) {
    this.runtimeService = runtimeService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.identityService = identityService;
    this.system = system;
    this.steps = steps;
    this.participants = participants;
    this.recordRepository = recordRepository;
    this.scope = scope;
  }

  /** A running approval as an operation sees it. */
  private record Running(String processInstanceId, String businessKey, Map<String, Object> variables,
      RouteStep step, int stepIndex, int round) {

    String requester() {
      Object r = variables.get(REQUESTER);
      return r == null ? null : r.toString();
    }

    ApprovalRecords.Place place() {
      return new ApprovalRecords.Place(processInstanceId, businessKey, round, stepIndex >= 0 ? stepIndex : null,
          step == null ? null : step.stepName());
    }
  }

  @Transactional
  public ApprovalView transfer(String processInstanceId, String actor, String taskId, String to, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      List<Task> mine = requireCurrentApprover(approval, actor, "transfer it");
      Task task = mine.get(0);
      if (taskId != null) {
        task = mine.stream().filter(t -> t.getId().equals(taskId)).findFirst()
            .orElseThrow(() -> ApiException.badField("taskId", "is not an open approval task of yours"));
      }
      checkNewApprover(approval, "to", to, actor);
      taskService.setAssignee(task.getId(), to);
      ApprovalRecord record = steps.records().record(approval.place(), actor, ApprovalAction.TRANSFERRED, to,
          comment, task.getId());
      steps.notifyUser(approval.businessKey(), to, Notice.of("approval-transferred", "actor", actor,
          "stepName", approval.step().stepName()), "transfer|" + record.getId());
      return approval;
    });
  }

  @Transactional
  public ApprovalView addApprover(String processInstanceId, String actor, String user, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      requireCurrentApprover(approval, actor, "add an approver");
      checkNewApprover(approval, "user", user, null);
      String body = multiInstanceBody(processInstanceId);
      runtimeService.createProcessInstanceModification(processInstanceId)
          .startBeforeActivity(APPROVE_TASK, body)
          .setVariableLocal(SLOT, user)
          .execute();
      ApprovalRecord record = steps.records().record(approval.place(), actor, ApprovalAction.APPROVER_ADDED, user,
          comment, null);
      steps.notifyUser(approval.businessKey(), user, Notice.of("approval-added", "actor", actor,
          "stepName", approval.step().stepName()), "add|" + record.getId());
      return approval;
    });
  }

  @Transactional
  public ApprovalView copy(String processInstanceId, String actor, List<String> users, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      boolean approver = participants.currentApprovers(processInstanceId).contains(actor);
      if (!actor.equals(approval.requester()) && !approver) {
        throw ApiException.forbidden("Only the requester or a current approver may copy this approval");
      }
      if (users == null || users.isEmpty()) {
        throw ApiException.badField("users", "name at least one user");
      }
      if (users.size() > MAX_COPIES) {
        throw ApiException.badField("users", "at most " + MAX_COPIES + " users at a time");
      }
      Set<String> distinct = new LinkedHashSet<>();
      for (int i = 0; i < users.size(); i++) {
        String user = users.get(i);
        if (user == null || !exists(user)) {
          throw ApiException.badField("users[" + i + "]", "is not a known user");
        }
        distinct.add(user);
      }
      for (String user : distinct) {
        if (!recordRepository.existsByProcessInstanceIdAndTargetAndAction(processInstanceId, user,
            ApprovalAction.COPIED.code())) {
          steps.records().record(approval.place(), actor, ApprovalAction.COPIED, user, comment, null);
          steps.notifyUser(approval.businessKey(), user, Notice.of("approval-copy", "actor", actor,
              "summary", String.valueOf(approval.variables().get(SUMMARY))), processInstanceId + "|copy");
        }
      }
      return approval;
    });
  }

  @Transactional
  public ApprovalView urge(String processInstanceId, String actor, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      if (!actor.equals(approval.requester())) {
        throw ApiException.forbidden("Only the requester may urge the approvers");
      }
      Set<String> approvers = participants.currentApprovers(processInstanceId);
      if (approvers.isEmpty()) {
        throw ApiException.conflict("Nobody is deciding this approval right now");
      }
      ApprovalRecord last = recordRepository.findFirstByProcessInstanceIdAndActionOrderByIdDesc(processInstanceId,
          ApprovalAction.URGED.code());
      Duration interval = steps.settings().urgeInterval();
      Instant now = EngineTime.now();
      if (last != null && last.getRecordedAt().plus(interval).isAfter(now)) {
        throw new ApiException(HttpStatus.TOO_MANY_REQUESTS, "The approvers were urged at " + last.getRecordedAt()
            + "; urge again after " + last.getRecordedAt().plus(interval));
      }
      ApprovalRecord record = steps.records().record(approval.place(), actor, ApprovalAction.URGED,
          String.join(",", approvers), comment, null);
      for (String approver : approvers) {
        Notice urged = Notice.of("approval-urged", "actor", actor, "stepName", approval.step().stepName(),
            "comment", comment);
        steps.notifyUser(approval.businessKey(), approver, comment == null ? urged : urged.variant("commented"),
            "urge|" + record.getId());
      }
      return approval;
    });
  }

  @Transactional
  public ApprovalView withdraw(String processInstanceId, String actor, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      if (!actor.equals(approval.requester())) {
        throw ApiException.forbidden("Only the requester may withdraw the approval");
      }
      steps.records().record(approval.place(), actor, ApprovalAction.WITHDRAWN, null, comment, null);
      runtimeService.createMessageCorrelation(MESSAGE_WITHDRAWN).processInstanceId(processInstanceId).correlate();
      return approval;
    });
  }

  @Transactional
  public ApprovalView returnToPrevious(String processInstanceId, String actor, String comment) {
    return operate(() -> {
      Running approval = running(processInstanceId);
      requireCurrentApprover(approval, actor, "return it to the previous step");
      if (comment == null || comment.isBlank()) {
        throw ApiException.badField("comment", "say why the approval goes back");
      }
      int target = ApprovalSteps.returnTarget(steps.standingApprovals(processInstanceId, approval.round()),
          approval.stepIndex());
      if (target < 0) {
        throw ApiException.conflict("No earlier step of this round was decided by a person; "
            + "reject the request to send it back to the requester");
      }
      List<RouteStep> route = routeOf(runtimeService.getVariableTyped(processInstanceId, ROUTE, false));
      steps.records().record(approval.place(), actor, ApprovalAction.RETURNED, route.get(target).stepName(), comment,
          null);
      runtimeService.createMessageCorrelation(MESSAGE_RETURNED).processInstanceId(processInstanceId)
          .setVariable(NEXT_STEP_INDEX, target).correlate();
      return approval;
    });
  }

  @Transactional(readOnly = true)
  public ApprovalView view(String processInstanceId, String reader) {
    Authentication authentication = identityService.getCurrentAuthentication();
    List<String> groups = authentication == null || authentication.getGroupIds() == null ? List.of()
        : authentication.getGroupIds();
    boolean auditor = groups.contains(StaffGroup.ADMINS) || groups.contains(StaffGroup.AUDITORS);
    return system.call(() -> {
      HistoricProcessInstance process = historyService.createHistoricProcessInstanceQuery()
          .processInstanceId(processInstanceId).processDefinitionKey(PROCESS_KEY).singleResult();
      if (process == null) {
        throw ApiException.notFound("No approval " + processInstanceId);
      }
      if (!auditor) {
        requireReader(processInstanceId, reader);
      }
      return viewOf(process).withOperations(operationsOf(processInstanceId, reader));
    });
  }

  // --- checks -------------------------------------------------------------------------

  private ApprovalView operate(java.util.function.Supplier<Running> operation) {
    Running done = system.call(() -> scope.run(operation));
    return system.call(() -> viewOf(historyService.createHistoricProcessInstanceQuery()
        .processInstanceId(done.processInstanceId()).singleResult()));
  }

  private Running running(String processInstanceId) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .processDefinitionKey(PROCESS_KEY).singleResult();
    if (instance == null) {
      boolean finished = historyService.createHistoricProcessInstanceQuery().processInstanceId(processInstanceId)
          .processDefinitionKey(PROCESS_KEY).count() > 0;
      throw finished ? ApiException.conflict("The approval " + processInstanceId + " has already ended")
          : ApiException.notFound("No approval " + processInstanceId);
    }
    Map<String, Object> variables = runtimeService.getVariables(processInstanceId,
        List.of(REQUESTER, SUMMARY, STEP_INDEX, ROUND, STEP_NAME));
    int stepIndex = variables.get(STEP_INDEX) instanceof Number n ? n.intValue() : -1;
    List<RouteStep> route = routeOf(runtimeService.getVariableTyped(processInstanceId, ROUTE, false));
    RouteStep step = stepIndex >= 0 && stepIndex < route.size() ? route.get(stepIndex) : null;
    int round = variables.get(ROUND) instanceof Number r ? r.intValue() : 1;
    return new Running(processInstanceId, instance.getBusinessKey(), variables, step, stepIndex, round);
  }

  private List<Task> requireCurrentApprover(Running approval, String actor, String what) {
    List<Task> mine = participants.tasksOf(approval.processInstanceId(), actor);
    if (mine.isEmpty()) {
      throw ApiException.forbidden("Only a current approver may " + what);
    }
    return mine;
  }

  private void checkNewApprover(Running approval, String field, String user, String actor) {
    if (user == null || user.isBlank()) {
      throw ApiException.badField(field, "name the user");
    }
    if (!exists(user)) {
      throw ApiException.badField(field, "is not a known user");
    }
    if (user.equals(actor)) {
      throw ApiException.badField(field, "is yourself");
    }
    if (user.equals(approval.requester()) && (approval.step() == null || approval.step().skipRequester())) {
      throw ApiException.badField(field, "is the requester, who may not decide their own request");
    }
    if (participants.currentApprovers(approval.processInstanceId()).contains(user)) {
      throw ApiException.conflict(user + " already decides this step");
    }
    if (approval.step() != null && approval.step().skipPriorApprovers() && steps.priorApprovers(
        approval.processInstanceId(), approval.round(), approval.stepIndex()).contains(user)) {
      throw ApiException.conflict(user + " approved an earlier step and is not asked again");
    }
    String run = stepRun(approval.processInstanceId());
    if (run != null && recordRepository.existsByStepRunAndActorAndActionIn(run, user,
        List.of(ApprovalAction.APPROVED.code(), ApprovalAction.REJECTED.code()))) {
      throw ApiException.conflict(user + " has already decided this step");
    }
  }

  private boolean exists(String user) {
    return identityService.createUserQuery().userId(user).count() == 1;
  }

  /** The current step's multi-instance activity instance, or null when no step is open. */
  private String stepRun(String processInstanceId) {
    ActivityInstance[] bodies = runtimeService.getActivityInstance(processInstanceId)
        .getActivityInstances(APPROVE_TASK + "#multiInstanceBody");
    return bodies.length == 1 ? bodies[0].getId() : null;
  }

  private String multiInstanceBody(String processInstanceId) {
    String run = stepRun(processInstanceId);
    if (run == null) {
      throw ApiException.conflict("The approval is not at an approval step");
    }
    return run;
  }

  private void requireReader(String processInstanceId, String reader) {
    if (reader.equals(variable(processInstanceId, REQUESTER))
        || recordRepository.existsByProcessInstanceIdAndActor(processInstanceId, reader)
        || recordRepository.findByProcessInstanceIdOrderById(processInstanceId).stream()
            .anyMatch(r -> r.getTarget() != null && List.of(r.getTarget().split(",")).contains(reader))
        || participants.currentApprovers(processInstanceId).contains(reader)) {
      return;
    }
    throw ApiException.forbidden("Only the requester, the approvers, people it was copied to and auditors may read "
        + "this approval");
  }

  private Object variable(String processInstanceId, String name) {
    HistoricVariableInstance v = historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).disableCustomObjectDeserialization().singleResult();
    return v == null ? null : v.getValue();
  }

  private ApprovalView viewOf(HistoricProcessInstance process) {
    String id = process.getId();
    boolean running = process.getEndTime() == null;
    Map<String, TypedValue> vars = new java.util.HashMap<>();
    for (HistoricVariableInstance v : historyService.createHistoricVariableInstanceQuery().processInstanceId(id)
        .disableCustomObjectDeserialization().list()) {
      // Process-level values only: task-local form fields carry the same names.
      if (v.getTaskId() == null && id.equals(v.getExecutionId())) {
        vars.put(v.getName(), v.getTypedValue());
      }
    }
    String status = running ? "running" : value(vars, OUTCOME);
    ApprovalView.CurrentStep current = null;
    if (running) {
      Integer index = vars.get(STEP_INDEX) != null && vars.get(STEP_INDEX).getValue() instanceof Number n
          ? n.intValue() : null;
      List<ApprovalView.OpenTask> tasks = participants.openApprovalTasks(id).stream()
          .map(t -> new ApprovalView.OpenTask(t.getId(), t.getAssignee(),
              t.getAssignee() == null ? participants.holders(t) : List.of(),
              t.getCreateTime() == null ? null : t.getCreateTime().toInstant(),
              t.getDueDate() == null ? null : t.getDueDate().toInstant()))
          .toList();
      List<RouteStep> route = routeOf(vars.get(ROUTE));
      if (index != null && index >= 0 && index < route.size() && !tasks.isEmpty()) {
        current = new ApprovalView.CurrentStep(index + 1, route.get(index).stepName(), route.get(index).signMode(),
            tasks);
      }
    }
    List<ApprovalRecord> rows = recordRepository.findByProcessInstanceIdOrderById(id);
    List<String> copied = new ArrayList<>();
    List<ApprovalView.Entry> entries = new ArrayList<>();
    for (ApprovalRecord r : rows) {
      if (ApprovalAction.COPIED.code().equals(r.getAction()) && !copied.contains(r.getTarget())) {
        copied.add(r.getTarget());
      }
      entries.add(new ApprovalView.Entry(r.getId(), r.getRecordedAt(), r.getRound(),
          r.getStepIndex() == null ? null : r.getStepIndex() + 1, r.getStepName(), r.getActor(), r.getAction(),
          ApprovalAction.labelOf(r.getAction()), r.getTarget(), r.getComment()));
    }
    BigDecimal amount = null;
    Object rawAmount = vars.get(AMOUNT) == null ? null : vars.get(AMOUNT).getValue();
    if (rawAmount instanceof Number n) {
      amount = new BigDecimal(n.toString());
    } else if (rawAmount instanceof String text && text.matches("-?\\d{1,15}(\\.\\d{1,6})?")) {
      amount = new BigDecimal(text); // a repair quote's amount is kept as text ("1020.00")
    }
    Object round = vars.get(ROUND) == null ? null : vars.get(ROUND).getValue();
    return new ApprovalView(id, process.getBusinessKey(), status, value(vars, SUBJECT_TYPE), amount,
        value(vars, CURRENCY), value(vars, REQUESTER), value(vars, DEPARTMENT), value(vars, REGION),
        value(vars, SUMMARY), round instanceof Number n ? n.intValue() : null, current, routeOf(vars.get(ROUTE)),
        copied, entries, List.of());
  }

  /** The operations {@code reader} may call on a running approval, as the checks above decide them. */
  private List<String> operationsOf(String processInstanceId, String reader) {
    var instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .processDefinitionKey(PROCESS_KEY).singleResult();
    if (instance == null) {
      return List.of();
    }
    Set<String> allowed = new LinkedHashSet<>();
    if (participants.currentApprovers(processInstanceId).contains(reader)) {
      allowed.addAll(List.of("transfer", "add-approver", "copy", "return"));
    }
    if (reader.equals(runtimeService.getVariable(processInstanceId, REQUESTER))) {
      allowed.addAll(List.of("copy", "urge", "withdraw"));
    }
    return List.copyOf(allowed);
  }

  private static String value(Map<String, TypedValue> vars, String name) {
    TypedValue v = vars.get(name);
    return v == null || v.getValue() == null ? null : v.getValue().toString();
  }
}
