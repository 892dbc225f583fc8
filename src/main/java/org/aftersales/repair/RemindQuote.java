package org.aftersales.repair;

import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The quote is still unanswered: the customer is reminded once, before it expires. */
@Component("remindQuote")
public class RemindQuote implements JavaDelegate {

  private final RepairOrders orders;
  private final RepairNotices notices;

  public RemindQuote(RepairOrders orders, RepairNotices notices) {
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RepairOrder order = orders.of(ServiceRequestVariables.caseNumber(execution));
    notices.customer(execution, Notice.of("repair-quote-reminder",
        "total", order.getQuoteTotal().toPlainString() + " " + order.getQuoteCurrency(),
        "expiresAt", notices.local(order.getQuoteExpiresAt())));
  }
}
