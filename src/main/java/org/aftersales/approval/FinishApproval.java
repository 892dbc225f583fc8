package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Hands the outcome and the list of decisions back to the caller, and tells the requester. */
@Component("finishApproval")
class FinishApproval implements JavaDelegate {

  private final ApprovalSteps steps;

  FinishApproval(ApprovalSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String outcome = string(execution, FINAL_OUTCOME);
    execution.getProcessInstance().setVariable(OUTCOME, outcome);
    execution.getProcessInstance().setVariable(DECISIONS,
        ApprovalVariables.json(steps.records().decisions(execution.getProcessInstanceId())));
    String requester = string(execution, REQUESTER);
    if (requester != null && !"withdrawn".equals(outcome)) {
      String summary = string(execution, SUMMARY);
      steps.notifyUser(execution.getProcessBusinessKey(), requester,
          Notice.of("approval-" + outcome, "summary", summary == null ? "" : summary), execution.getActivityInstanceId());
    }
  }
}
