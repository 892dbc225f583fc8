package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After the step's tasks: approved, or rejected and whether the requester may revise. */
@Component("concludeApprovalStep")
class ConcludeApprovalStep implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    RouteStep step = currentStep(execution);
    String outcome = string(execution, STEP_OUTCOME);
    if (outcome == null) {
      // Every task was completed without reaching the sign mode's threshold: not approved.
      outcome = "rejected";
      execution.setVariable(STEP_OUTCOME, outcome);
    }
    execution.setVariable(MAY_REVISE, "rejected".equals(outcome)
        && ApprovalSteps.mayRevise(step, integer(execution, ROUND, 1)));
  }
}
