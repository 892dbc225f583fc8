package org.aftersales.repair;

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
    notices.customer(execution, "repair-quote-declined", "repair not carried out",
        "As you asked, we will not carry out the paid repair. Contact us any time if you change your mind.");
  }
}
