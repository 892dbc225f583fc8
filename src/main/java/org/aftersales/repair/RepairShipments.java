package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.logistics.Shipments;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** Shipments of a repair through the logistics port; the process then waits on the tracking number. */
@Component
public class RepairShipments {

  private final Shipments shipments;

  public RepairShipments(Shipments shipments) {
    this.shipments = shipments;
  }

  public Shipment request(DelegateExecution execution, String kind, String rmaNumber, String items) {
    Shipment shipment = shipments.request(new ShipmentRequest(ServiceRequestVariables.caseNumber(execution), kind,
        rmaNumber, Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_CITY), items));
    execution.setVariable(RepairVariables.TRACKING_NUMBER, shipment.getTrackingNumber());
    return shipment;
  }

  public static String unit(DelegateExecution execution) {
    return Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU) + " serial "
        + Variables.string(execution, ServiceRequestVariables.SERIAL_NUMBER);
  }
}
