package org.aftersales.returns;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The return is not accepted: the customer is told why (the rule's reason, or the refused exception). */
@Component("rejectReturn")
public class RejectReturn implements JavaDelegate {

  private final CaseNotices notices;
  private final ReturnOrders orders;

  public RejectReturn(CaseNotices notices, ReturnOrders orders) {
    this.notices = notices;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    boolean exceptionRefused = "needs-approval".equals(execution.getVariable(ReturnVariables.ELIGIBILITY));
    String reason = Variables.string(execution, ReturnVariables.ELIGIBILITY_REASON);
    String why = exceptionRefused
        ? "The return is outside our return rules (" + reason + "), and we could not make an exception this time."
        : reason;
    orders.of(ServiceRequestVariables.caseNumber(execution)).assessed(
        (Integer) execution.getVariable(ReturnVariables.DAYS_SINCE_DELIVERY),
        Variables.string(execution, ReturnVariables.CUSTOMER_TIER), "not-eligible", why);
    Notice refused = Notice.of("return-not-eligible", "eligibilityReason", String.valueOf(reason));
    notices.customer(execution, exceptionRefused ? refused.variant("exception-refused") : refused);
  }
}
