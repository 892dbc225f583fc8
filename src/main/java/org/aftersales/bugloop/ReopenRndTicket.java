package org.aftersales.bugloop;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The retest failed: the same ticket goes back to R&D with the retest notes; the loop is counted. */
@Component("reopenRndTicket")
public class ReopenRndTicket implements JavaDelegate {

  private final BugTickets bugTickets;

  public ReopenRndTicket(BugTickets bugTickets) {
    this.bugTickets = bugTickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BugTicket ticket = bugTickets.reopen(BugEscalationVariables.ticketKey(execution),
        Variables.string(execution, ServiceRequestVariables.DESCRIPTION),
        Variables.string(execution, BugEscalationVariables.RETEST_NOTES));
    execution.setVariable(BugEscalationVariables.REOPEN_COUNT, ticket.getRound() - 1);
  }
}
