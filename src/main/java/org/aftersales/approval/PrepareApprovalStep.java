package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;

import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Moves to the next step of the route (or to the step "return to the previous step" named)
 * and chooses its approvers; a step nobody is left to decide (the requester, people who
 * approved earlier) is skipped and recorded.
 */
@Component("prepareApprovalStep")
class PrepareApprovalStep implements JavaDelegate {

  private final ApprovalSteps steps;

  PrepareApprovalStep(ApprovalSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    List<RouteStep> route = route(execution);
    Object next = execution.getVariable(NEXT_STEP_INDEX);
    int index = next instanceof Number n ? n.intValue() : integer(execution, STEP_INDEX, -1) + 1;
    execution.removeVariable(NEXT_STEP_INDEX);
    execution.setVariable(STEP_OUTCOME, null);
    if (index >= route.size()) {
      execution.setVariable(STEP_STATE, STATE_DONE);
      return;
    }
    RouteStep step = route.get(index);
    execution.setVariable(STEP_INDEX, index);
    execution.setVariable(STEP_NAME, step.stepName());
    execution.setVariable(STEP_APPROVALS, 0);
    execution.setVariable(STEP_REJECTIONS, 0);
    List<String> approvers = steps.approvers(execution, step, index);
    if (approvers.isEmpty()) {
      execution.setVariable(STEP_STATE, STATE_SKIPPED);
      steps.records().record(steps.place(execution), ApprovalRecords.SYSTEM, ApprovalAction.SKIPPED, null,
          "Everyone who could decide this step is the requester or approved an earlier step", null);
      return;
    }
    String slots = step.mode() == SignMode.SINGLE ? String.join(",", approvers) : String.join(";", approvers);
    execution.setVariable(STEP_SLOTS, slots);
    execution.setVariable(STEP_REMIND_AT, ApprovalSteps.dueAfter(step.remindAfter()));
    execution.setVariable(STEP_TIMEOUT_AT, ApprovalSteps.dueAfter(step.timeoutAfter()));
    execution.setVariable(STEP_STATE, STATE_OPEN);
  }
}
