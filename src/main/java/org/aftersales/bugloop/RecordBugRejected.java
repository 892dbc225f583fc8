package org.aftersales.bugloop;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** R&D declined the ticket: it stays a confirmed bug that was not resolved. */
@Component("recordBugRejected")
public class RecordBugRejected implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(RecordBugRejected.class);

  private final BugTickets bugTickets;

  public RecordBugRejected(BugTickets bugTickets) {
    this.bugTickets = bugTickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    BugTicket ticket = bugTickets.get(BugEscalationVariables.ticketKey(execution));
    if (ticket.getStatus() != BugTicket.Status.REJECTED) {
      throw new IllegalStateException("Ticket " + ticket.getTicketKey() + " is " + ticket.getStatus()
          + ", not rejected");
    }
    LOG.info("Case {}: R&D rejected ticket {} ({})", ticket.getCaseNumber(), ticket.getTicketKey(),
        ticket.getRndComment());
  }
}
