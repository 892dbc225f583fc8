package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.util.Set;
import org.aftersales.integration.notification.Notice;
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
      Notice reminder = Notice.of("approval-reminder", "stepName", string(execution, STEP_NAME), "summary", summary);
      steps.notifyUser(execution.getProcessBusinessKey(), approver,
          summary == null ? reminder.variant("no-summary") : reminder, execution.getActivityInstanceId());
    }
    steps.records().record(steps.place(execution), ApprovalRecords.SYSTEM, ApprovalAction.REMINDED,
        String.join(",", approvers), null, null);
  }
}
