package org.aftersales.repair;

import org.aftersales.common.FormValues;
import org.aftersales.common.SystemAuthority;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Record customer's answer": sales or after-sales took the answer by phone or mail. */
@Component("recordQuoteAnswer")
public class RecordQuoteAnswer implements TaskListener {

  private final QuoteDecisions decisions;
  private final SystemAuthority system;

  public RecordQuoteAnswer(QuoteDecisions decisions, SystemAuthority system) {
    this.decisions = decisions;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    String answer = FormValues.oneOf(task, RepairVariables.QUOTE_ANSWER, java.util.List.of("accepted", "declined"));
    boolean accepted = "accepted".equals(answer);
    String by = task.getAssignee() != null ? task.getAssignee() : system.currentUserId();
    decisions.recordInTask(ServiceRequestVariables.caseNumber(task), accepted, by,
        Variables.string(task, RepairVariables.QUOTE_ANSWER_NOTE));
    task.setVariable(RepairVariables.QUOTE_ACCEPTED, accepted);
  }
}
