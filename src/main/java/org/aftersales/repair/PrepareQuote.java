package org.aftersales.repair;

import org.aftersales.common.FormValues;
import org.aftersales.common.SystemAuthority;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Prepare quote": the figures must make a quote, and whoever prepared it is the
 * requester if the discount goes to approval (they cannot approve their own discount).
 */
@Component("prepareQuote")
public class PrepareQuote implements TaskListener {

  private final SystemAuthority system;

  public PrepareQuote(SystemAuthority system) {
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    PriceQuote.read(task.getExecution());
    FormValues.required(task, RepairVariables.QUOTE_DETAILS, "What the quote covers");
    String preparedBy = task.getAssignee() != null ? task.getAssignee() : system.currentUserId();
    task.setVariable(RepairVariables.QUOTE_PREPARED_BY,
        preparedBy != null ? preparedBy : Variables.string(task, ServiceRequestVariables.CASE_OWNER));
  }
}
