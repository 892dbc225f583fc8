package org.aftersales.returns;

import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Inspect unit": what QA found and the condition the unit is really in. */
@Component("inspectUnit")
public class InspectUnit implements TaskListener {

  private final ReturnOrders orders;

  public InspectUnit(ReturnOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues.required(task, ReturnVariables.INSPECTION_FINDINGS, "What the inspection found");
    String condition = FormValues.oneOf(task, ReturnVariables.INSPECTED_CONDITION, ReturnVariables.CONDITIONS);
    orders.of(ServiceRequestVariables.caseNumber(task)).inspected(condition);
  }
}
