package org.aftersales.bugloop;

import static org.aftersales.servicecase.ServiceRequestVariables.DESCRIPTION;
import static org.aftersales.servicecase.ServiceRequestVariables.PRODUCT_LINE;
import static org.aftersales.servicecase.ServiceRequestVariables.PRODUCT_SKU;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("openRndTicket")
public class OpenRndTicket implements JavaDelegate {

  private final BugTickets bugTickets;

  public OpenRndTicket(BugTickets bugTickets) {
    this.bugTickets = bugTickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BugTicket ticket = bugTickets.open(ServiceRequestVariables.caseNumber(execution),
        Variables.string(execution, PRODUCT_SKU),
        Variables.string(execution, PRODUCT_LINE),
        Variables.string(execution, DESCRIPTION),
        Variables.string(execution, BugEscalationVariables.REPRODUCTION_STEPS));
    execution.setVariable(BugEscalationVariables.TICKET_KEY, ticket.getTicketKey());
    execution.setVariable(BugEscalationVariables.REOPEN_COUNT, 0);
  }
}
