package org.aftersales.repair;

import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Confirm parts fitted": if the customer could not fit them, a technician goes on site. */
@Component("confirmPartsFitted")
public class ConfirmPartsFitted implements TaskListener {

  private final RepairOrders orders;

  public ConfirmPartsFitted(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!FormValues.yesNo(task, RepairVariables.PARTS_FITTED, false)) {
      task.setVariable(RepairVariables.REPAIR_MODE, RepairVariables.ON_SITE);
      orders.of(ServiceRequestVariables.caseNumber(task)).modeConfirmed(RepairVariables.ON_SITE);
    }
  }
}
