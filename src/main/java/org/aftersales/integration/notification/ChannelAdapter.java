package org.aftersales.integration.notification;

import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;

/**
 * A notification channel beside the adapter (mail, WeCom, SMS): a notification port that delivers
 * its own outbox messages, {@code notification.<channel>}, each with a key of its own.
 */
abstract class ChannelAdapter implements NotificationPort, OutboxHandler {

  private final OutboxPayloads payloads;

  ChannelAdapter(OutboxPayloads payloads) {
    this.payloads = payloads;
  }

  @Override
  public String type() {
    return "notification." + channel();
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    send(payloads.read(message, Notification.class), message.getIdempotencyKey());
  }
}
