package org.aftersales.integration.outbox;

/**
 * Delivers one type of outbox message through a port. Must be safe to call again with the
 * same message: a delivery whose acknowledgement was lost is repeated with the same key.
 */
public interface OutboxHandler {

  /** The message type this handler delivers, e.g. {@code rnd.open-ticket}. */
  String type();

  void deliver(OutboxMessage message) throws Exception;
}
