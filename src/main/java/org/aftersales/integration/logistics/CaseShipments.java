package org.aftersales.integration.logistics;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * Shipments of a case process (repair, return) to or from the customer on the case: the
 * request is built from the case's variables, and the process then waits on the tracking
 * number, which this sets as the process variable the carrier's events are correlated by.
 */
@Component
public class CaseShipments {

  private final Shipments shipments;

  public CaseShipments(Shipments shipments) {
    this.shipments = shipments;
  }

  public Shipment request(DelegateExecution execution, String kind, String rmaNumber, String items) {
    Shipment shipment = shipments.request(new ShipmentRequest(ServiceRequestVariables.caseNumber(execution), kind,
        rmaNumber, Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_CITY), items));
    execution.setVariable(LogisticsVariables.TRACKING_NUMBER, shipment.getTrackingNumber());
    return shipment;
  }

  /** The RMA number a customer puts on the parcel: the case number's year and number. */
  public static String rmaNumber(String caseNumber) {
    return "RMA-" + caseNumber.substring(3);
  }

  /** The case's unit as people name it: SKU and serial number. */
  public static String unit(DelegateExecution execution) {
    return Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU) + " serial "
        + Variables.string(execution, ServiceRequestVariables.SERIAL_NUMBER);
  }
}
