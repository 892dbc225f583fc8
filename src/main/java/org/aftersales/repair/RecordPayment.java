package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/** Leaving "Await payment": finance settled the invoice; the repair may start. */
@Component("recordPayment")
public class RecordPayment implements ExecutionListener {

  private final RepairOrders orders;
  private final RepairNotices notices;

  public RecordPayment(RepairOrders orders, RepairNotices notices) {
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateExecution execution) {
    orders.of(ServiceRequestVariables.caseNumber(execution)).paid(EngineTime.now());
    notices.customer(execution, Notice.of("repair-paid"));
  }
}
