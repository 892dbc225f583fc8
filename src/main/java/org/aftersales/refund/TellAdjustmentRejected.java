package org.aftersales.refund;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The approval did not approve the adjustment (rejected, or withdrawn by the requester): the
 * customer is told, the adjustment is closed unposted and the case goes back to its caller.
 */
@Component("tellAdjustmentRejected")
public class TellAdjustmentRejected implements JavaDelegate {

  private final RefundAdjustments adjustments;
  private final CaseNotices notices;

  public TellAdjustmentRejected(RefundAdjustments adjustments, CaseNotices notices) {
    this.adjustments = adjustments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    adjustments.rejected(RefundVariables.caseNumber(execution),
        Variables.string(execution, RefundVariables.ADJUSTMENT_ID));
    String outcome = Variables.string(execution, RefundVariables.APPROVAL_OUTCOME);
    execution.setVariable(RefundVariables.ADJUSTMENT_OUTCOME, outcome == null ? "rejected" : outcome);
    notices.customer(execution, Notice.of("refund-adjustment-rejected",
        "adjustmentType", Variables.string(execution, RefundVariables.ADJUSTMENT_TYPE),
        "amount", Variables.string(execution, RefundVariables.ADJUSTMENT_AMOUNT) + " "
            + Variables.string(execution, RefundVariables.ADJUSTMENT_CURRENCY)));
  }
}
