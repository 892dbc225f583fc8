package org.aftersales.returns;

import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.logistics.UnitWait;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Issues the RMA number and orders the inbound pick-up; the wait for the unit starts. */
@Component("requestReturnPickUp")
public class RequestReturnPickUp implements JavaDelegate {

  private final CaseShipments shipments;
  private final ReturnOrders orders;
  private final UnitWait unitWait;
  private final CaseNotices notices;

  public RequestReturnPickUp(CaseShipments shipments, ReturnOrders orders, UnitWait unitWait, CaseNotices notices) {
    this.shipments = shipments;
    this.orders = orders;
    this.unitWait = unitWait;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    String rma = CaseShipments.rmaNumber(caseNumber);
    Shipment pickUp = shipments.request(execution, ShipmentRequest.PICK_UP, rma,
        "Returned " + CaseShipments.unit(execution));
    execution.setVariable(ReturnVariables.RMA_NUMBER, rma);
    unitWait.startWaiting(execution);
    orders.of(caseNumber).getUnit().awaited(rma);
    notices.customer(execution, Notice.of("return-pick-up", "rma", rma, "trackingNumber", pickUp.getTrackingNumber()));
  }
}
