package org.aftersales.integration.logistics;

/**
 * What the logistics system gets: a new shipment ({@code action} create) or the
 * cancellation of one. The tracking number is ours: the carrier's events name it.
 */
public record ShipmentOrder(String action, String trackingNumber, String caseNumber, String kind, String rmaNumber,
    String customerId, String customerName, String city, String items) {

  public static final String CREATE = "create";
  public static final String CANCEL = "cancel";

  static ShipmentOrder of(String action, Shipment shipment) {
    return new ShipmentOrder(action, shipment.getTrackingNumber(), shipment.getCaseNumber(), shipment.getKind(),
        shipment.getRmaNumber(), shipment.getCustomerId(), shipment.getCustomerName(), shipment.getCity(),
        shipment.getItems());
  }
}
