package org.aftersales.bugloop;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** A fixed bug becomes product-improvement input for R&D: what broke, how to see it, what fixed it. */
@Component("recordProductFeedback")
public class RecordProductFeedback implements JavaDelegate {

  public static final String SOURCE_BUG = "bug";

  private final BugTickets bugTickets;
  private final ProductFeedbackRepository feedback;

  public RecordProductFeedback(BugTickets bugTickets, ProductFeedbackRepository feedback) {
    this.bugTickets = bugTickets;
    this.feedback = feedback;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BugTicket ticket = bugTickets.get(BugEscalationVariables.ticketKey(execution));
    StringBuilder summary = new StringBuilder("Bug: ")
        .append(Variables.string(execution, ServiceRequestVariables.DESCRIPTION));
    if (ticket.getReproductionSteps() != null) {
      summary.append("\nReproduction: ").append(ticket.getReproductionSteps());
    }
    if (ticket.getFixVersion() != null) {
      summary.append("\nFixed in: ").append(ticket.getFixVersion());
    }
    if (ticket.getRound() > 1) {
      summary.append("\nRetests failed before the fix held: ").append(ticket.getRound() - 1);
    }
    String text = summary.length() > 8000 ? summary.substring(0, 8000) : summary.toString();
    feedback.save(new ProductFeedback(ticket.getCaseNumber(), SOURCE_BUG, ticket.getTicketKey(),
        ticket.getProductSku(), ticket.getProductLine(), text, EngineTime.now()));
  }
}
