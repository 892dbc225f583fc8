package org.aftersales.integration.logistics;

import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/** Delivers queued shipment orders through the logistics port. */
@Component
class ShipmentOrderDelivery implements OutboxHandler {

  private final OutboxPayloads payloads;
  private final LogisticsPort port;

  ShipmentOrderDelivery(OutboxPayloads payloads, LogisticsPort port) {
    this.payloads = payloads;
    this.port = port;
  }

  @Override
  public String type() {
    return Shipments.SHIPMENT_TYPE;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    port.createShipment(payloads.read(message, ShipmentOrder.class), message.getIdempotencyKey());
  }
}
