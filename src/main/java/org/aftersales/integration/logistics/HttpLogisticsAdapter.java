package org.aftersales.integration.logistics;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.aftersales.integration.HttpDelivery;
import org.aftersales.integration.IntegrationProperties;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An outside logistics system: {@code POST <base-url>/shipments} orders a shipment,
 * {@code POST <base-url>/shipments/{trackingNumber}/cancel} cancels it; both carry the
 * {@code Idempotency-Key} header. Its events come back on {@code /api/events/logistics}.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.logistics.adapter", havingValue = "http")
class HttpLogisticsAdapter implements LogisticsPort {

  private final HttpDelivery http;
  private final OutboxPayloads payloads;

  HttpLogisticsAdapter(IntegrationProperties properties, OutboxPayloads payloads) {
    this.http = new HttpDelivery("logistics", properties.logistics());
    this.payloads = payloads;
  }

  @Override
  public void createShipment(ShipmentOrder order, String idempotencyKey) throws Exception {
    http.post("/shipments", idempotencyKey, payloads.write(order));
  }

  @Override
  public void cancelShipment(ShipmentOrder order, String idempotencyKey) throws Exception {
    http.post("/shipments/" + URLEncoder.encode(order.trackingNumber(), StandardCharsets.UTF_8) + "/cancel",
        idempotencyKey, payloads.write(order));
  }
}
