package org.aftersales.integration.logistics;

/** The logistics (carrier) system. Same idempotency key twice: one shipment (or one cancellation). */
public interface LogisticsPort {

  void createShipment(ShipmentOrder order, String idempotencyKey) throws Exception;

  void cancelShipment(ShipmentOrder order, String idempotencyKey) throws Exception;
}
