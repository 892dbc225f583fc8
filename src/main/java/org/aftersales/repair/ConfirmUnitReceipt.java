package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit reached the depot: recorded, and the customer told. */
@Component("confirmUnitReceipt")
public class ConfirmUnitReceipt implements JavaDelegate {

  private final RepairOrders orders;
  private final RepairNotices notices;

  public ConfirmUnitReceipt(RepairOrders orders, RepairNotices notices) {
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.of(ServiceRequestVariables.caseNumber(execution)).getUnit().received(EngineTime.now());
    notices.customer(execution, Notice.of("repair-unit-received",
        "rma", Variables.string(execution, RepairVariables.RMA_NUMBER)));
  }
}
