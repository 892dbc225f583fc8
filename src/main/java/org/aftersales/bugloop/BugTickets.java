package org.aftersales.bugloop;

import org.aftersales.common.EngineTime;
import org.aftersales.integration.rnd.RndTicketRequest;
import org.aftersales.integration.rnd.RndTickets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opening and reopening R&D tickets: the record and the outbox message in one transaction. */
@Service
public class BugTickets {

  private static final Logger LOG = LoggerFactory.getLogger(BugTickets.class);

  private final BugTicketRepository tickets;
  private final RndTickets rnd;

  public BugTickets(BugTicketRepository tickets, RndTickets rnd) {
    this.tickets = tickets;
    this.rnd = rnd;
  }

  /** Key {@code RND-<year>-<number>-<n>}: the case's n-th confirmed bug. */
  public BugTicket open(String caseNumber, String productSku, String productLine, String summary,
      String reproductionSteps) {
    String key = "RND-" + caseNumber.substring("AS-".length()) + "-" + (tickets.countByCaseNumber(caseNumber) + 1);
    BugTicket ticket = tickets.save(new BugTicket(key, caseNumber, productSku, productLine, reproductionSteps,
        EngineTime.now()));
    rnd.queue(new RndTicketRequest(RndTicketRequest.OPEN, key, caseNumber, 1, productSku, productLine, summary,
        reproductionSteps, null));
    LOG.info("Case {}: bug confirmed, R&D ticket {} queued", caseNumber, key);
    return ticket;
  }

  public BugTicket reopen(String ticketKey, String summary, String retestNotes) {
    BugTicket ticket = get(ticketKey);
    ticket.reopened();
    rnd.queue(new RndTicketRequest(RndTicketRequest.REOPEN, ticketKey, ticket.getCaseNumber(), ticket.getRound(),
        ticket.getProductSku(), ticket.getProductLine(), summary, ticket.getReproductionSteps(), retestNotes));
    LOG.info("Case {}: retest failed, R&D ticket {} reopened (round {})", ticket.getCaseNumber(), ticketKey,
        ticket.getRound());
    return ticket;
  }

  public BugTicket get(String ticketKey) {
    return tickets.findByTicketKey(ticketKey)
        .orElseThrow(() -> new IllegalStateException("No bug ticket " + ticketKey));
  }
}
