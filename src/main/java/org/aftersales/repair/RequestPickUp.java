package org.aftersales.repair;

import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.aftersales.integration.logistics.Shipment;
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

  private final RepairShipments shipments;
  private final RepairOrders orders;
  private final RepairSettings settings;
  private final RepairNotices notices;

  public RequestPickUp(RepairShipments shipments, RepairOrders orders, RepairSettings settings, RepairNotices notices) {
    this.shipments = shipments;
    this.orders = orders;
    this.settings = settings;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    String rma = "RMA-" + caseNumber.substring(3);
    Shipment pickUp = shipments.request(execution, "pick-up", rma, RepairShipments.unit(execution));
    RepairOrder order = orders.of(caseNumber);
    order.modeConfirmed(RepairVariables.DEPOT);
    order.unitAwaited(rma);
    Instant now = EngineTime.now();
    execution.setVariable(RepairVariables.RMA_NUMBER, rma);
    execution.setVariable(RepairVariables.UNIT_REMINDER_CYCLE, settings.unitReminderCycle());
    execution.setVariable(RepairVariables.UNIT_ESCALATE_AT, EngineTime.toDate(now.plus(settings.unitEscalateAfter())));
    execution.setVariable(RepairVariables.UNIT_GIVE_UP_AT, EngineTime.toDate(now.plus(settings.unitGiveUpAfter())));
    notices.customer(execution, "repair-pick-up", "we collect your unit",
        "Your unit is repaired at our depot. RMA number " + rma + ": please put it on the parcel. Our carrier"
            + " collects it (shipment " + pickUp.getTrackingNumber() + ").");
  }
}
