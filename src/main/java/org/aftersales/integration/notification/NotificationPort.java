package org.aftersales.integration.notification;

/** Tells customers and staff what happened. Same key twice: sent once. */
public interface NotificationPort {

  void send(Notification notification, String idempotencyKey) throws Exception;

  /** The channel this adapter is, as {@code aftersales.notification.channels} names it. */
  String channel();
}
