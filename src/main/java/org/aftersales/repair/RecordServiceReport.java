package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing the on-site service report: what was done, who signed, and when the work ended. */
@Component("recordServiceReport")
public class RecordServiceReport implements TaskListener {

  private final RepairOrders orders;

  public RecordServiceReport(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues.required(task, "workPerformed", "What was done on site");
    FormValues.required(task, "customerSignedBy", "Who signed the report for the customer");
    FormValues.yesNo(task, RepairVariables.REPAIR_SUCCESSFUL, true);
    orders.of(ServiceRequestVariables.caseNumber(task)).completed(EngineTime.now());
  }
}
