package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.notification.Notice;
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
    notices.customer(execution, Notice.of("repair-parts-shipped", "parts", String.valueOf(parts),
        "trackingNumber", shipment.getTrackingNumber()));
  }
}
