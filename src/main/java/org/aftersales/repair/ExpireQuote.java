package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** No answer in time: the quote lapses, counts as declined, and the customer is told. */
@Component("expireQuote")
public class ExpireQuote implements JavaDelegate {

  private final RepairOrders orders;
  private final RepairNotices notices;

  public ExpireQuote(RepairOrders orders, RepairNotices notices) {
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    orders.of(ServiceRequestVariables.caseNumber(execution)).quoteExpired(EngineTime.now());
    execution.setVariable(RepairVariables.QUOTE_ACCEPTED, false);
    notices.customer(execution, Notice.of("repair-quote-expired"));
  }
}
