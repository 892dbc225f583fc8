package org.aftersales.refund;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Finance settled the posting: the customer hears the amount and which way the money went. */
@Component("notifyAdjustmentSettled")
public class NotifyAdjustmentSettled implements JavaDelegate {

  private final RefundAdjustments adjustments;
  private final CaseNotices notices;

  public NotifyAdjustmentSettled(RefundAdjustments adjustments, CaseNotices notices) {
    this.adjustments = adjustments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String adjustmentId = Variables.string(execution, RefundVariables.ADJUSTMENT_ID);
    adjustments.settled(RefundVariables.caseNumber(execution), adjustmentId);
    String amount = Variables.string(execution, RefundVariables.ADJUSTMENT_AMOUNT) + " "
        + Variables.string(execution, RefundVariables.ADJUSTMENT_CURRENCY);
    String reference = Variables.string(execution, RefundVariables.POSTING_REFERENCE);
    AdjustmentType type = AdjustmentType.of(Variables.string(execution, RefundVariables.ADJUSTMENT_TYPE));
    String message = switch (type) {
      case FULL_REFUND, PARTIAL_REFUND -> "We have refunded " + amount + " to you (reference " + reference + ").";
      case PRICE_DIFFERENCE_REFUND -> "We have paid you the price difference of " + amount + " (reference "
          + reference + ").";
      case PRICE_DIFFERENCE_INVOICE -> "We have received your payment of the price difference, " + amount
          + " (reference " + reference + "). Thank you.";
      case WRITE_OFF -> "We have written off " + amount + " of invoice "
          + Variables.string(execution, RefundVariables.OPEN_INVOICE_REFERENCE) + "; you owe nothing more on it"
          + " (reference " + reference + ").";
    };
    notices.customer(execution, "refund-adjustment-settled",
        type.paysCustomer() ? "money refunded" : "adjustment settled", message);
  }
}
