package org.aftersales.repair;

import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the quote to the customer and a copy to sales (a word from the account's sales
 * contact often decides a paid service); sets when to remind and when the quote expires.
 */
@Component("sendQuote")
public class SendQuote implements JavaDelegate {

  private final RepairOrders orders;
  private final RepairNotices notices;
  private final RepairSettings settings;

  public SendQuote(RepairOrders orders, RepairNotices notices, RepairSettings settings) {
    this.orders = orders;
    this.notices = notices;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Instant now = EngineTime.now();
    Instant expiresAt = now.plus(settings.quoteValidFor());
    RepairOrder order = orders.of(ServiceRequestVariables.caseNumber(execution));
    order.quoteSent(now, expiresAt);
    execution.setVariable(RepairVariables.QUOTE_REMIND_AT, EngineTime.toDate(now.plus(settings.quoteRemindAfter())));
    execution.setVariable(RepairVariables.QUOTE_EXPIRES_AT, EngineTime.toDate(expiresAt));
    String total = order.getQuoteTotal().toPlainString() + " " + order.getQuoteCurrency();
    String details = Variables.string(execution, RepairVariables.QUOTE_DETAILS);
    Notice quote = Notice.of("repair-quote", "total", total, "expiresAt", notices.local(expiresAt),
        "warrantyReason", String.valueOf(Variables.string(execution, RepairVariables.WARRANTY_REASON)),
        "details", details);
    notices.customer(execution, details == null ? quote.variant("no-details") : quote);
    notices.group(execution, StaffGroup.SALES.id(),
        Notice.of("repair-quote-copy", "total", total, "expiresAt", notices.local(expiresAt)));
  }
}
