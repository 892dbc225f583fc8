package org.aftersales.repair;

import java.util.List;
import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Confirm repair mode": the engineer's choice stands; parts need a parts list. */
@Component("confirmRepairMode")
public class ConfirmRepairMode implements TaskListener {

  static final List<String> MODES = List.of(RepairVariables.ON_SITE, RepairVariables.DEPOT, RepairVariables.PARTS);

  private final RepairOrders orders;

  public ConfirmRepairMode(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    String mode = FormValues.oneOf(task, RepairVariables.REPAIR_MODE, MODES);
    if (RepairVariables.PARTS.equals(mode)) {
      FormValues.required(task, RepairVariables.PARTS_LIST, "The parts to send");
    }
    orders.of(ServiceRequestVariables.caseNumber(task)).modeConfirmed(mode);
  }
}
