package org.aftersales.integration.notification;

import org.aftersales.integration.HttpDelivery;
import org.aftersales.integration.IntegrationProperties;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/** Posts notifications to {@code <base-url>/notifications} of a messaging service. */
@Component
@ConditionalOnProperty(name = "aftersales.integration.notification.adapter", havingValue = "http")
class HttpNotificationAdapter implements NotificationPort {

  private final HttpDelivery http;
  private final OutboxPayloads payloads;

  HttpNotificationAdapter(IntegrationProperties properties, OutboxPayloads payloads) {
    this.http = new HttpDelivery("notification", properties.notification());
    this.payloads = payloads;
  }

  @Override
  public void send(Notification notification, String idempotencyKey) throws Exception {
    http.post("/notifications", idempotencyKey, payloads.write(notification));
  }

  @Override
  public String channel() {
    return NoticeChannels.HTTP;
  }
}
