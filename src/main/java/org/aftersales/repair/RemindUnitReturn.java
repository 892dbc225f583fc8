package org.aftersales.repair;

import org.aftersales.common.Variables;
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
    notices.customer(execution, "repair-unit-reminder", "we are still waiting for your unit",
        "Your unit has not reached our depot yet. Please hand it to our carrier with RMA number "
            + Variables.string(execution, RepairVariables.RMA_NUMBER) + ".");
  }
}
