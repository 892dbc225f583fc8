package org.aftersales.repair;

import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "QA check": a failed check needs notes and goes back to the repair. */
@Component("recordQaCheck")
public class RecordQaCheck implements TaskListener {

  private final RepairOrders orders;

  public RecordQaCheck(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    if (!FormValues.yesNo(task, RepairVariables.QA_PASSED, false)) {
      FormValues.required(task, "qaNotes", "What failed (for the repair)");
      orders.of(ServiceRequestVariables.caseNumber(task)).qaFailed();
    }
  }
}
