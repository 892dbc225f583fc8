package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.util.Arrays;
import java.util.Date;
import java.util.List;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.task.DelegationState;
import org.springframework.stereotype.Component;

/**
 * The "Approve" task: offers it to its approvers when created, records claims, delegations
 * and reassignments made in Tasklist, and on completion checks and records the decision
 * and counts it towards the step's sign mode.
 */
@Component("approvalTaskListener")
class ApprovalTaskListener implements TaskListener {

  private final ApprovalSteps steps;
  private final ApprovalOperationScope operations;
  private final SystemAuthority system;

  ApprovalTaskListener(ApprovalSteps steps, ApprovalOperationScope operations, SystemAuthority system) {
    this.steps = steps;
    this.operations = operations;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    switch (task.getEventName()) {
      case EVENTNAME_CREATE -> offer(task);
      case EVENTNAME_ASSIGNMENT -> recordAssignment(task);
      case EVENTNAME_COMPLETE -> decide(task);
      default -> { }
    }
  }

  private void offer(DelegateTask task) {
    List<String> users = slotUsers(task);
    // Form fields of one approver stay on their task, not on the approval shared by all.
    ownFormField(task, APPROVED);
    ownFormField(task, DECISION);
    ownFormField(task, COMMENT);
    String stepName = string(task, STEP_NAME);
    String summary = string(task, SUMMARY);
    // The summary's first line is its title (a request from Tasklist puts the details below it).
    String title = summary == null ? null : summary.lines().findFirst().orElse(summary);
    String name = stepName + (title == null ? "" : ": " + title);
    task.setName(name.length() > 250 ? name.substring(0, 250) : name);
    Date timeout = ApprovalVariables.date(task, STEP_TIMEOUT_AT);
    if (timeout != null && timeout.before(ApprovalSteps.NEVER)) {
      task.setDueDate(timeout);
    }
    if (users.size() == 1) {
      task.setAssignee(users.get(0));
    } else {
      task.addCandidateUsers(users);
    }
    users.forEach(user -> TaskHandOn.allow(task.getId(), user));
    String requester = string(task, REQUESTER);
    if (requester != null && !users.contains(requester)) {
      TaskHandOn.letRequesterRead(task.getId(), requester);
    }
  }

  private void recordAssignment(DelegateTask task) {
    List<String> users = slotUsers(task);
    String assignee = task.getAssignee();
    TaskHandOn.allow(task.getId(), assignee);
    // The offer itself (the create listener assigning the step's one approver) is no record.
    if (users.size() == 1 && users.get(0).equals(assignee) && delegation(task) == null) {
      return;
    }
    String actor = system.currentUserId();
    // Claims are people taking what was offered to them; operations record themselves.
    if (operations.active() || assignee == null || assignee.equals(actor) && delegation(task) == null) {
      return;
    }
    ApprovalAction action = delegation(task) == DelegationState.PENDING
        ? ApprovalAction.DELEGATED : ApprovalAction.ASSIGNED;
    // Adding the comment fires the task's update (and assignment) event again: not a second record.
    operations.run(() -> steps.records().record(place(task), actor, action, assignee, null, task.getId()));
  }

  private void decide(DelegateTask task) {
    String actor = system.currentUserId() != null ? system.currentUserId() : task.getAssignee();
    Boolean approved = decision(task);
    String comment = ApprovalSteps.text(formField(task, COMMENT));
    if (approved == null) {
      throw new ApprovalInputException(DECISION, "Choose approve or reject");
    }
    if (!approved && comment == null) {
      throw new ApprovalInputException(COMMENT, "A rejection needs a comment");
    }
    RouteStep step = currentStep(task);
    String run = task.getExecution().getParentActivityInstanceId();
    checkDecider(task, actor, step, run);
    int approvals = integer(task, STEP_APPROVALS, 0) + (approved ? 1 : 0);
    int rejections = integer(task, STEP_REJECTIONS, 0) + (approved ? 0 : 1);
    // Set on the approval itself: two approvers deciding at once conflict here, and one retries.
    task.getExecution().setVariable(STEP_APPROVALS, approvals);
    task.getExecution().setVariable(STEP_REJECTIONS, rejections);
    steps.records().record(place(task).inRun(run), actor,
        approved ? ApprovalAction.APPROVED : ApprovalAction.REJECTED, null, comment, task.getId());
    if (!approved) {
      task.getExecution().setVariable(LAST_REJECTION, comment);
    }
    int instances = integer(task, "nrOfInstances", 1);
    task.getExecution().setVariable(STEP_OUTCOME,
        step == null ? null : step.mode().outcome(instances, approvals, rejections, step.ratio()));
  }

  /**
   * Only the task's assignee decides, once per step, never for their own request nor again
   * after approving an earlier step (as the route row says), and not while it is delegated.
   */
  private void checkDecider(DelegateTask task, String actor, RouteStep step, String run) {
    if (actor == null || !actor.equals(task.getAssignee())) {
      throw new ApprovalInputException(APPROVED, "Only the task's assignee may decide; claim it first");
    }
    if (delegation(task) == DelegationState.PENDING) {
      throw new ApprovalInputException(APPROVED,
          "The task is delegated: the delegate resolves it, then " + task.getOwner() + " decides");
    }
    String requester = string(task, REQUESTER);
    if ((step == null || step.skipRequester()) && actor.equals(requester)) {
      throw new ApprovalInputException(APPROVED, "The requester may not decide their own request");
    }
    if (steps.records().hasDecided(run, actor)) {
      throw new ApprovalInputException(APPROVED, actor + " has already decided this step");
    }
    if (step != null && step.skipPriorApprovers() && steps.priorApprovers(task.getProcessInstanceId(),
        integer(task, ROUND, 1), integer(task, STEP_INDEX, 0)).contains(actor)) {
      throw new ApprovalInputException(APPROVED, actor + " approved an earlier step and is not asked again");
    }
  }

  private static Boolean decision(DelegateTask task) {
    Object approved = formField(task, APPROVED);
    if (approved instanceof Boolean b) {
      return b;
    }
    if (approved instanceof String s && (s.equals("true") || s.equals("false"))) {
      return Boolean.valueOf(s);
    }
    Object decision = formField(task, DECISION);
    if ("approve".equals(decision)) {
      return true;
    }
    return "reject".equals(decision) ? false : null;
  }

  private static DelegationState delegation(DelegateTask task) {
    return task instanceof TaskEntity entity ? entity.getDelegationState() : null;
  }

  private ApprovalRecords.Place place(DelegateTask task) {
    return steps.place(task, task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey());
  }

  private static List<String> slotUsers(DelegateTask task) {
    String slot = string(task, SLOT);
    return slot == null ? List.of() : Arrays.stream(slot.split(",")).map(String::trim).filter(s -> !s.isEmpty())
        .toList();
  }
}
