package org.aftersales.integration.notification;

/**
 * Sends a text message to a phone. A company whose SMS provider speaks another protocol writes its
 * own implementation; {@link HttpSmsGateway} is the generic one.
 */
public interface SmsGateway {

  /**
   * @throws org.aftersales.integration.outbox.DeliveryRefusedException when the provider refuses the
   *     message for good; any other exception is retried by the outbox
   */
  void send(String phone, String text, String idempotencyKey) throws Exception;
}
