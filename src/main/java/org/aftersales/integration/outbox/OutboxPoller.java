package org.aftersales.integration.outbox;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Picks up what the after-commit dispatch missed: retries, messages of crashed nodes. */
@Component
@ConditionalOnProperty(name = "aftersales.outbox.poller-enabled", havingValue = "true", matchIfMissing = true)
class OutboxPoller {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPoller.class);

  private final OutboxDispatcher dispatcher;

  OutboxPoller(OutboxDispatcher dispatcher) {
    this.dispatcher = dispatcher;
  }

  @Scheduled(initialDelayString = "${aftersales.outbox.poll-interval:PT5S}",
      fixedDelayString = "${aftersales.outbox.poll-interval:PT5S}")
  void poll() {
    try {
      dispatcher.dispatchDue();
    } catch (RuntimeException e) {
      LOG.warn("Outbox poll failed; trying again at the next interval", e);
    }
  }
}
