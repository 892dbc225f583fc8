package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the parts the engineer listed for the customer to fit. */
@Component("shipParts")
public class ShipParts implements JavaDelegate {

  private final CaseShipments shipments;
  private final RepairNotices notices;

  public ShipParts(CaseShipments shipments, RepairNotices notices) {
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String parts = Variables.string(execution, RepairVariables.PARTS_LIST);
    Shipment shipment = shipments.request(execution, ShipmentRequest.PARTS, null, parts);
    notices.customer(execution, "repair-parts-shipped", "parts on their way",
        "We are sending you the parts to fit (" + parts + "): shipment " + shipment.getTrackingNumber()
            + ". We will call you to check that the unit works again.");
  }
}
