package org.aftersales.integration.finance;

import org.aftersales.integration.HttpDelivery;
import org.aftersales.integration.IntegrationProperties;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * An outside finance system: {@code POST <base-url>/postings} with the {@code Idempotency-Key}
 * header. Its answers come back on {@code /api/events/finance}.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.finance.adapter", havingValue = "http")
class HttpFinanceAdapter implements FinancePort {

  private final HttpDelivery http;
  private final OutboxPayloads payloads;

  HttpFinanceAdapter(IntegrationProperties properties, OutboxPayloads payloads) {
    this.http = new HttpDelivery("finance", properties.finance());
    this.payloads = payloads;
  }

  @Override
  public void post(PostingOrder order, String idempotencyKey) throws Exception {
    http.post("/postings", idempotencyKey, payloads.write(order));
  }
}
