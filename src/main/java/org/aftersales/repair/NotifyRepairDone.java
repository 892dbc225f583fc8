package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The repair is finished: the customer hears what was found. */
@Component("notifyRepairDone")
public class NotifyRepairDone implements JavaDelegate {

  private final RepairNotices notices;

  public NotifyRepairDone(RepairNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.customer(execution, Notice.of("repair-done", "unit", CaseShipments.unit(execution),
        "faultNotes", String.valueOf(Variables.string(execution, RepairVariables.FAULT_NOTES))));
  }
}
