package org.aftersales.repair;

import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The repaired unit passed QA: an outbound shipment back to the customer. */
@Component("shipUnitBack")
public class ShipUnitBack implements JavaDelegate {

  private final CaseShipments shipments;
  private final RepairNotices notices;

  public ShipUnitBack(CaseShipments shipments, RepairNotices notices) {
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Shipment shipment = shipments.request(execution, ShipmentRequest.OUTBOUND,
        (String) execution.getVariable(RepairVariables.RMA_NUMBER), "Repaired " + CaseShipments.unit(execution));
    notices.customer(execution, Notice.of("repair-shipped", "trackingNumber", shipment.getTrackingNumber()));
  }
}
