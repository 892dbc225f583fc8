package org.aftersales.integration.rnd;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import org.aftersales.integration.HttpDelivery;
import org.aftersales.integration.IntegrationProperties;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An outside R&D ticket system: {@code POST <base-url>/tickets} opens,
 * {@code POST <base-url>/tickets/{ticketKey}/reopen} reopens; both carry the
 * {@code Idempotency-Key} header. Its answers come back on {@code /api/events/rnd}.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.rnd.adapter", havingValue = "http")
class HttpRndAdapter implements RndPort {

  private final HttpDelivery http;
  private final OutboxPayloads payloads;

  HttpRndAdapter(IntegrationProperties properties, OutboxPayloads payloads) {
    this.http = new HttpDelivery("rnd", properties.rnd());
    this.payloads = payloads;
  }

  @Override
  public void openTicket(RndTicketRequest request, String idempotencyKey) throws Exception {
    http.post("/tickets", idempotencyKey, payloads.write(request));
  }

  @Override
  public void reopenTicket(RndTicketRequest request, String idempotencyKey) throws Exception {
    http.post("/tickets/" + URLEncoder.encode(request.ticketKey(), StandardCharsets.UTF_8) + "/reopen",
        idempotencyKey, payloads.write(request));
  }
}
