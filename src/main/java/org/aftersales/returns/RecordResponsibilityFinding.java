package org.aftersales.returns;

import org.aftersales.common.FormValues;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Technical responsibility" (after-sales) or "QA responsibility" (qa): each
 * side's finding, in its own variable, since both decide in parallel.
 */
@Component("recordResponsibilityFinding")
public class RecordResponsibilityFinding implements TaskListener {

  private final ReturnOrders orders;

  public RecordResponsibilityFinding(ReturnOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    ReturnOrder order = orders.of(ServiceRequestVariables.caseNumber(task));
    if (ReturnVariables.TECHNICAL_RESPONSIBILITY_TASK.equals(task.getTaskDefinitionKey())) {
      order.technicalFinding(FormValues.oneOf(task, ReturnVariables.TECHNICAL_RESPONSIBILITY,
          ReturnVariables.RESPONSIBLE));
    } else {
      order.qaFinding(FormValues.oneOf(task, ReturnVariables.QA_RESPONSIBILITY, ReturnVariables.RESPONSIBLE));
    }
  }
}
