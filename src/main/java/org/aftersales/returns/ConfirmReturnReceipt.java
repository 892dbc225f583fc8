package org.aftersales.returns;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The returned unit arrived: recorded, and the customer told. */
@Component("confirmReturnReceipt")
public class ConfirmReturnReceipt implements JavaDelegate {

  private final ReturnOrders orders;
  private final CaseNotices notices;

  public ConfirmReturnReceipt(ReturnOrders orders, CaseNotices notices) {
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.of(ServiceRequestVariables.caseNumber(execution)).getUnit().received(EngineTime.now());
    notices.customer(execution, Notice.of("return-unit-received",
        "rma", Variables.string(execution, ReturnVariables.RMA_NUMBER)));
  }
}
