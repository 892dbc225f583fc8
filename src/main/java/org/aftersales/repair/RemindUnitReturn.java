package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The unit has not reached the depot yet: the customer is reminded to hand it over. */
@Component("remindUnitReturn")
public class RemindUnitReturn implements JavaDelegate {

  private final RepairNotices notices;

  public RemindUnitReturn(RepairNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.customer(execution, Notice.of("repair-unit-reminder",
        "rma", Variables.string(execution, RepairVariables.RMA_NUMBER)));
  }
}
