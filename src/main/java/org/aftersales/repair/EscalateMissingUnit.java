package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.identity.StaffGroup;
import org.aftersales.servicecase.ServiceRequestVariables;
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
    String message = "The unit of " + Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME) + " (RMA "
        + Variables.string(execution, RepairVariables.RMA_NUMBER) + ", shipment "
        + Variables.string(execution, RepairVariables.TRACKING_NUMBER) + ") has not reached the depot. Please call"
        + " the customer and the carrier.";
    notices.group(execution, StaffGroup.AFTER_SALES.id(), "unit-overdue", "unit overdue at the depot", message);
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(), "unit-overdue-lead", "unit overdue at the depot", message);
  }
}
