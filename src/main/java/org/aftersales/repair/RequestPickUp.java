package org.aftersales.repair;

import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.logistics.UnitWait;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Issues the RMA number and orders an inbound pick-up of the unit; sets the reminder cycle,
 * the escalation and the give-up time of the wait for it.
 */
@Component("requestPickUp")
public class RequestPickUp implements JavaDelegate {

  private final CaseShipments shipments;
  private final RepairOrders orders;
  private final UnitWait unitWait;
  private final RepairNotices notices;

  public RequestPickUp(CaseShipments shipments, RepairOrders orders, UnitWait unitWait, RepairNotices notices) {
    this.shipments = shipments;
    this.orders = orders;
    this.unitWait = unitWait;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    String rma = CaseShipments.rmaNumber(caseNumber);
    Shipment pickUp = shipments.request(execution, ShipmentRequest.PICK_UP, rma, CaseShipments.unit(execution));
    RepairOrder order = orders.of(caseNumber);
    order.modeConfirmed(RepairVariables.DEPOT);
    order.getUnit().awaited(rma);
    execution.setVariable(RepairVariables.RMA_NUMBER, rma);
    unitWait.startWaiting(execution);
    notices.customer(execution, Notice.of("repair-pick-up", "rma", rma, "trackingNumber", pickUp.getTrackingNumber()));
  }
}
