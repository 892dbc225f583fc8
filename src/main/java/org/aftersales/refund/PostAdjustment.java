package org.aftersales.refund;

import java.math.BigDecimal;
import org.aftersales.common.Variables;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostings;
import org.aftersales.integration.finance.PostingRequest;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * "Post to finance" (asynchronous): posts the approved adjustment to finance directly, inside
 * this job. A finance outage fails the job, which the job executor retries and then leaves as
 * an incident; the idempotency key {@code finance:<case>:<adjustment id>} makes every retry the
 * same posting.
 */
@Component("postAdjustment")
public class PostAdjustment implements JavaDelegate {

  private final FinancePostings postings;
  private final RefundAdjustments adjustments;

  public PostAdjustment(FinancePostings postings, RefundAdjustments adjustments) {
    this.postings = postings;
    this.adjustments = adjustments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = RefundVariables.caseNumber(execution);
    String adjustmentId = Variables.string(execution, RefundVariables.ADJUSTMENT_ID);
    AdjustmentType type = AdjustmentType.of(Variables.string(execution, RefundVariables.ADJUSTMENT_TYPE));
    FinancePosting posting = postings.post(new PostingRequest(caseNumber,
        Variables.string(execution, RefundVariables.POSTING_KIND), adjustmentId,
        new BigDecimal(Variables.string(execution, RefundVariables.ADJUSTMENT_AMOUNT)),
        Variables.string(execution, RefundVariables.ADJUSTMENT_CURRENCY),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID),
        (type == null ? "adjustment" : type.value()) + " " + adjustmentId + ", "
            + Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU) + " "
            + Variables.string(execution, ServiceRequestVariables.SERIAL_NUMBER)));
    adjustments.posted(caseNumber, adjustmentId, posting.getReference());
    execution.setVariable(RefundVariables.POSTING_REFERENCE, posting.getReference());
    execution.setVariable(RefundVariables.ADJUSTMENT_OUTCOME, RefundVariables.POSTED);
  }
}
