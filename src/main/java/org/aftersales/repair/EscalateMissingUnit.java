package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit is long overdue at the depot: after-sales and the leads chase it (the wait goes on). */
@Component("escalateMissingUnit")
public class EscalateMissingUnit implements JavaDelegate {

  private final RepairNotices notices;

  public EscalateMissingUnit(RepairNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String rma = Variables.string(execution, RepairVariables.RMA_NUMBER);
    String trackingNumber = Variables.string(execution, RepairVariables.TRACKING_NUMBER);
    notices.group(execution, StaffGroup.AFTER_SALES.id(),
        Notice.of("unit-overdue", "rma", rma, "trackingNumber", trackingNumber));
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(),
        Notice.of("unit-overdue-lead", "rma", rma, "trackingNumber", trackingNumber));
  }
}
