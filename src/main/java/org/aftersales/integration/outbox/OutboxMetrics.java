package org.aftersales.integration.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.springframework.stereotype.Component;

/**
 * {@code aftersales_outbox_messages{status=...}}: messages waiting, being sent, and dead
 * ones that need a person (alert on {@code status="dead"} above zero).
 */
@Component
class OutboxMetrics implements MeterBinder {

  private final OutboxRepository repository;

  OutboxMetrics(OutboxRepository repository) {
    this.repository = repository;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    for (OutboxMessage.Status status : new OutboxMessage.Status[] {
        OutboxMessage.Status.PENDING, OutboxMessage.Status.SENDING, OutboxMessage.Status.DEAD}) {
      Gauge.builder("aftersales.outbox.messages", repository, r -> r.countByStatus(status))
          .tag("status", status.name().toLowerCase())
          .description("Outbox messages by status")
          .register(registry);
    }
  }
}
