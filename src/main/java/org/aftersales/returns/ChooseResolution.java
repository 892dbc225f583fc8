package org.aftersales.returns;

import org.aftersales.common.FormValues;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Choose resolution": exchange or refund. A refund starts as a full refund when
 * the company is responsible, else as a partial refund (the return discount by condition and
 * responsibility), for the refund adjustment to calculate.
 */
@Component("chooseResolution")
public class ChooseResolution implements TaskListener {

  private final ReturnOrders orders;

  public ChooseResolution(ReturnOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    String resolution = FormValues.oneOf(task, ReturnVariables.RESOLUTION, ReturnVariables.RESOLUTIONS);
    boolean companyResponsible = "company".equals(Variables.string(task, ReturnVariables.RESPONSIBILITY));
    task.setVariable(ReturnVariables.ADJUSTMENT_TYPE, companyResponsible ? "full-refund" : "partial-refund");
    if (task.getVariable(ReturnVariables.INSPECTED_CONDITION) != null) {
      // the refund goes by the condition QA found, not the one the customer reported
      task.setVariable(ReturnVariables.UNIT_CONDITION, task.getVariable(ReturnVariables.INSPECTED_CONDITION));
    }
    orders.of(ServiceRequestVariables.caseNumber(task)).resolved(resolution);
  }
}
