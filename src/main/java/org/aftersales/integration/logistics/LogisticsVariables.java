package org.aftersales.integration.logistics;

/** Messages and variables by which logistics events reach the waiting case, and the desk's variables. */
public final class LogisticsVariables {

  // what the case processes wait on
  public static final String UNIT_RECEIVED_MESSAGE = "UnitReceived";
  public static final String SHIPMENT_DELIVERED_MESSAGE = "ShipmentDelivered";
  public static final String TRACKING_NUMBER = "trackingNumber";
  /** Set by {@code UnitReceived}: when the unit arrived, ISO instant. */
  public static final String UNIT_RECEIVED_AT = "unitReceivedAt";
  /** Set by {@code ShipmentDelivered}: when the customer got it, ISO instant. */
  public static final String DELIVERED_AT = "deliveredAt";

  // process logistics-desk (the embedded adapter)
  public static final String DESK_PROCESS_KEY = "logistics-desk";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String SHIPMENT_KIND = "shipmentKind";
  public static final String RMA_NUMBER = "rmaNumber";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CITY = "city";
  public static final String ITEMS = "items";
  public static final String CURRENT_STATUS = "currentStatus";
  public static final String SHIPMENT_STATUS = "shipmentStatus";
  public static final String CARRIER_NOTE = "carrierNote";
  public static final String REPORT_PROBLEM = "reportProblem";
  public static final String SHIPMENT_DONE = "shipmentDone";

  private LogisticsVariables() {
  }
}
