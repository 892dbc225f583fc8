package org.aftersales.integration.notification;

import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The default: notifications are written to {@code notification_log} and the log. */
@Component
@ConditionalOnProperty(name = "aftersales.integration.notification.adapter", havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedNotificationAdapter implements NotificationPort {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedNotificationAdapter.class);

  private final NotificationLogRepository log;

  EmbeddedNotificationAdapter(NotificationLogRepository log) {
    this.log = log;
  }

  @Override
  @Transactional
  public void send(Notification notification, String idempotencyKey) {
    if (log.existsByIdempotencyKey(idempotencyKey)) {
      return;
    }
    log.save(new NotificationLogEntry(notification, idempotencyKey, Instant.now()));
    LOG.info("Notification to {} {} ({}): {}", notification.recipientType(), notification.recipient(),
        notification.kind(), notification.subject());
  }

  @Override
  public String channel() {
    return NoticeChannels.EMBEDDED;
  }
}
