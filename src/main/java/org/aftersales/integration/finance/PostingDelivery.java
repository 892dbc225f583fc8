package org.aftersales.integration.finance;

import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/** Delivers queued postings through the finance port. */
@Component
class PostingDelivery implements OutboxHandler {

  private final OutboxPayloads payloads;
  private final FinancePort port;

  PostingDelivery(OutboxPayloads payloads, FinancePort port) {
    this.payloads = payloads;
    this.port = port;
  }

  @Override
  public String type() {
    return FinancePostings.TYPE;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    port.post(payloads.read(message, PostingOrder.class), message.getIdempotencyKey());
  }
}
