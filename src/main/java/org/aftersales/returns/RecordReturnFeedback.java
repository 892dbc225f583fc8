package org.aftersales.returns;

import org.aftersales.bugloop.ProductFeedback;
import org.aftersales.bugloop.ProductFeedbackRepository;
import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * A returned unit's reason, inspection and responsibility become product-improvement input for
 * R&D and QA; the return is closed and the customer told.
 */
@Component("recordReturnFeedback")
public class RecordReturnFeedback implements JavaDelegate {

  public static final String SOURCE_RETURN = "return";

  private final ReturnOrders orders;
  private final ProductFeedbackRepository feedback;
  private final CaseNotices notices;

  public RecordReturnFeedback(ReturnOrders orders, ProductFeedbackRepository feedback, CaseNotices notices) {
    this.orders = orders;
    this.feedback = feedback;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    ReturnOrder order = orders.of(caseNumber);
    String summary = "Return (" + order.getReturnReason() + ", " + order.getResolution() + "): responsibility "
        + order.getResponsibility() + " (" + order.getResponsibilityDecidedBy() + "), condition "
        + order.getInspectedCondition() + "\nInspection: "
        + Variables.string(execution, ReturnVariables.INSPECTION_FINDINGS);
    feedback.save(new ProductFeedback(caseNumber, SOURCE_RETURN, order.getUnit().getRmaNumber(),
        Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU),
        Variables.string(execution, ServiceRequestVariables.PRODUCT_LINE),
        summary.length() > 8000 ? summary.substring(0, 8000) : summary, EngineTime.now()));
    order.closed(EngineTime.now());
    notices.customer(execution, Notice.of("return-done")
        .variant("exchange".equals(order.getResolution()) ? "exchange" : "refund"));
  }
}
