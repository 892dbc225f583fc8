package org.aftersales.integration.notification;

import org.aftersales.integration.outbox.OutboxPayloads;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/** Customer notices as text messages to the phone number in the case's contact, through the {@link SmsGateway}. */
@Component
class SmsNotificationAdapter extends ChannelAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(SmsNotificationAdapter.class);

  private final SmsGateway gateway;
  private final NotificationAddresses addresses;

  SmsNotificationAdapter(OutboxPayloads payloads, SmsGateway gateway, NotificationAddresses addresses) {
    super(payloads);
    this.gateway = gateway;
    this.addresses = addresses;
  }

  @Override
  public String channel() {
    return NoticeChannels.SMS;
  }

  @Override
  public void send(Notification notification, String idempotencyKey) throws Exception {
    var phone = addresses.phone(notification);
    if (phone.isEmpty()) {
      LOG.warn("No phone number for {} {} of case {}: notice {} not sent by SMS", notification.recipientType(),
          notification.recipient(), notification.caseNumber(), notification.kind());
      return;
    }
    gateway.send(phone.get(), notification.subject() + "\n" + notification.message(), idempotencyKey);
    LOG.info("SMS {} ({}) sent for case {}", notification.kind(), idempotencyKey, notification.caseNumber());
  }
}
