package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.util.Set;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The step's reminder is due: every approver who has not decided yet is told. */
@Component("remindApprovers")
class RemindApprovers implements JavaDelegate {

  private final ApprovalSteps steps;
  private final ApprovalParticipants participants;

  RemindApprovers(ApprovalSteps steps, ApprovalParticipants participants) {
    this.steps = steps;
    this.participants = participants;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Set<String> approvers = participants.currentApprovers(execution.getProcessInstanceId());
    String summary = string(execution, SUMMARY);
    for (String approver : approvers) {
      steps.notifyUser(execution.getProcessBusinessKey(), approver, "approval-reminder",
          "Reminder: an approval waits for you",
          "Please decide \"" + string(execution, STEP_NAME) + "\"" + (summary == null ? "" : ": " + summary),
          execution.getActivityInstanceId());
    }
    steps.records().record(steps.place(execution), ApprovalRecords.SYSTEM, ApprovalAction.REMINDED,
        String.join(",", approvers), null, null);
  }
}
