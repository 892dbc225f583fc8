package org.aftersales.integration.rnd;

import org.aftersales.integration.outbox.Outbox;
import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/** Queues ticket requests in the outbox and delivers them through the R&D port. */
@Component
public class RndTickets implements OutboxHandler {

  public static final String TYPE = "rnd.ticket";

  private final Outbox outbox;
  private final OutboxPayloads payloads;
  private final RndPort port;

  public RndTickets(Outbox outbox, OutboxPayloads payloads, RndPort port) {
    this.outbox = outbox;
    this.payloads = payloads;
    this.port = port;
  }

  /** Queues in the current transaction; one key per ticket and round. */
  public void queue(RndTicketRequest request) {
    String key = "rnd:" + request.ticketKey() + ":" + request.round();
    outbox.enqueue(TYPE, request.caseNumber(), key, request);
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    RndTicketRequest request = payloads.read(message, RndTicketRequest.class);
    if (RndTicketRequest.REOPEN.equals(request.action())) {
      port.reopenTicket(request, message.getIdempotencyKey());
    } else {
      port.openTicket(request, message.getIdempotencyKey());
    }
  }
}
