package org.aftersales.returns;

import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Decide responsibility": after-sales and QA disagreed; the team lead decides, with reasons. */
@Component("decideResponsibility")
public class DecideResponsibility implements TaskListener {

  private final ReturnOrders orders;

  public DecideResponsibility(ReturnOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    String responsibility = FormValues.oneOf(task, ReturnVariables.RESPONSIBILITY, ReturnVariables.RESPONSIBLE);
    FormValues.required(task, ReturnVariables.RESPONSIBILITY_NOTE, "Why (after-sales and QA disagreed)");
    orders.of(ServiceRequestVariables.caseNumber(task)).responsibilityDecided(responsibility, "lead");
  }
}
