package org.aftersales.integration.logistics;

/**
 * What a process step asks logistics to move: an inbound pick-up of the customer's unit, an
 * outbound shipment (unit back, replacement) or parts. {@code rmaNumber} may be null.
 */
public record ShipmentRequest(String caseNumber, String kind, String rmaNumber, String customerId,
    String customerName, String city, String items) {

  public static final String PICK_UP = "pick-up";
  public static final String OUTBOUND = "outbound";
  public static final String PARTS = "parts";
}
