package org.aftersales.refund;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Computes the prepared adjustment by {@link AdjustmentRule} (a partial refund's rate from DMN
 * {@code refund-rate}), records it under the case's next adjustment id and sets what the approval
 * and finance need. Runs right after the task: figures that make no adjustment roll the
 * completion back with the field to correct.
 */
@Component("calculateAdjustment")
public class CalculateAdjustment implements JavaDelegate {

  private final RefundRates rates;
  private final RefundAdjustments adjustments;

  public CalculateAdjustment(RefundRates rates, RefundAdjustments adjustments) {
    this.rates = rates;
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    AdjustmentInput input = RefundVariables.input(execution);
    Integer percent = null;
    if (input.type() == AdjustmentType.PARTIAL_REFUND) {
      RefundRates.RefundRate rate = rates.rate(input.unitCondition(), input.responsibility());
      percent = rate.percent();
      execution.setVariable(RefundVariables.REFUND_RATE_REASON, rate.reason());
    }
    Adjustment adjustment = AdjustmentRule.calculate(input, percent);
    String reason = Variables.string(execution, RefundVariables.ADJUSTMENT_REASON);
    RefundAdjustment recorded = adjustments.record(RefundVariables.caseNumber(execution), adjustment, reason,
        Variables.string(execution, RefundVariables.ADJUSTMENT_PREPARED_BY), execution.getProcessInstanceId());
    String summary = input.type().value() + " " + recorded.getAdjustmentId() + " for "
        + Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME) + ": " + adjustment.basis()
        + (reason == null ? "" : ". Reason: " + reason.trim());
    RefundVariables.setAdjustment(execution, recorded.getAdjustmentId(), adjustment, summary);
  }
}
