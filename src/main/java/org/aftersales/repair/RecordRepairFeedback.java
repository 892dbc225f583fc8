package org.aftersales.repair;

import org.aftersales.bugloop.ProductFeedback;
import org.aftersales.bugloop.ProductFeedbackRepository;
import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A repair's root cause and defect code become product-improvement input for R&D and QA. */
@Component("recordRepairFeedback")
public class RecordRepairFeedback implements JavaDelegate {

  public static final String SOURCE_REPAIR = "repair";

  private final RepairOrders orders;
  private final ProductFeedbackRepository feedback;

  public RecordRepairFeedback(RepairOrders orders, ProductFeedbackRepository feedback) {
    this.orders = orders;
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    RepairOrder order = orders.of(caseNumber);
    StringBuilder summary = new StringBuilder("Repair (").append(order.getRepairMode()).append("): root cause ")
        .append(order.getRootCause()).append(", defect ").append(order.getDefectCode())
        .append("\nFault: ").append(Variables.string(execution, RepairVariables.FAULT_NOTES));
    append(summary, "Diagnosis", Variables.string(execution, RepairVariables.DIAGNOSIS));
    append(summary, "Notes", Variables.string(execution, RepairVariables.ROOT_CAUSE_NOTES));
    if (order.getQaFailures() > 0) {
      summary.append("\nQA checks failed before the repair held: ").append(order.getQaFailures());
    }
    String text = summary.length() > 8000 ? summary.substring(0, 8000) : summary.toString();
    feedback.save(new ProductFeedback(caseNumber, SOURCE_REPAIR, order.getDefectCode(),
        Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU),
        Variables.string(execution, ServiceRequestVariables.PRODUCT_LINE), text, EngineTime.now()));
  }

  private static void append(StringBuilder summary, String label, String text) {
    if (text != null && !text.isBlank()) {
      summary.append('\n').append(label).append(": ").append(text);
    }
  }
}
