package org.aftersales.returns;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** After-sales and QA came to the same finding: it stands. */
@Component("agreeResponsibility")
public class AgreeResponsibility implements JavaDelegate {

  private final ReturnOrders orders;

  public AgreeResponsibility(ReturnOrders orders) {
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String responsibility = Variables.string(execution, ReturnVariables.TECHNICAL_RESPONSIBILITY);
    execution.setVariable(ReturnVariables.RESPONSIBILITY, responsibility);
    orders.of(ServiceRequestVariables.caseNumber(execution)).responsibilityDecided(responsibility, "agreed");
  }
}
