package org.aftersales.integration.outbox;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Delivery of outbox messages: retried with exponential backoff from {@code initialBackoff}
 * up to {@code maxBackoff}; after {@code maxAttempts} a message is dead and logged as an error.
 */
@ConfigurationProperties("aftersales.outbox")
public record OutboxProperties(
    Duration pollInterval,
    Duration initialBackoff,
    Duration maxBackoff,
    int maxAttempts,
    int batchSize,
    Duration lease,
    boolean pollerEnabled,
    boolean dispatchAfterCommit) {

  public OutboxProperties {
    pollInterval = pollInterval == null ? Duration.ofSeconds(5) : pollInterval;
    initialBackoff = initialBackoff == null ? Duration.ofSeconds(5) : initialBackoff;
    maxBackoff = maxBackoff == null ? Duration.ofMinutes(30) : maxBackoff;
    maxAttempts = maxAttempts <= 0 ? 10 : maxAttempts;
    batchSize = batchSize <= 0 ? 50 : batchSize;
    lease = lease == null ? Duration.ofMinutes(2) : lease;
  }

  /** Wait before the attempt after {@code attempts} failed ones: doubled each time, capped. */
  public Duration backoffAfter(int attempts) {
    Duration wait = initialBackoff;
    for (int i = 1; i < attempts && wait.compareTo(maxBackoff) < 0; i++) {
      wait = wait.multipliedBy(2);
    }
    return wait.compareTo(maxBackoff) > 0 ? maxBackoff : wait;
  }
}
