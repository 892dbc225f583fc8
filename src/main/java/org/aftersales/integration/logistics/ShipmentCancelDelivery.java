package org.aftersales.integration.logistics;

import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/** Delivers queued cancellations through the logistics port. */
@Component
class ShipmentCancelDelivery implements OutboxHandler {

  private final OutboxPayloads payloads;
  private final LogisticsPort port;

  ShipmentCancelDelivery(OutboxPayloads payloads, LogisticsPort port) {
    this.payloads = payloads;
    this.port = port;
  }

  @Override
  public String type() {
    return Shipments.CANCEL_TYPE;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    port.cancelShipment(payloads.read(message, ShipmentOrder.class), message.getIdempotencyKey());
  }
}
