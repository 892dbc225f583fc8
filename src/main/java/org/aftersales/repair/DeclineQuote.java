package org.aftersales.repair;

import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The customer declined the quote: confirmed to them; the case goes on to its resolution. */
@Component("declineQuote")
public class DeclineQuote implements JavaDelegate {

  private final RepairNotices notices;

  public DeclineQuote(RepairNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    notices.customer(execution, Notice.of("repair-quote-declined"));
  }
}
