package org.aftersales.refund;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
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
    notices.customer(execution, Notice.of("refund-adjustment-settled", "amount", amount, "reference", reference,
        "invoice", Variables.string(execution, RefundVariables.OPEN_INVOICE_REFERENCE)).variant(type.value()));
  }
}
