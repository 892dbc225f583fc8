package org.aftersales.integration.outbox;

/** The receiver refused the message for good (e.g. HTTP 400): retrying cannot help. */
public class DeliveryRefusedException extends RuntimeException {

  public DeliveryRefusedException(String message) {
    super(message);
  }
}
