package org.aftersales.integration.logistics;

import static org.aftersales.integration.logistics.LogisticsVariables.CARRIER_NOTE;
import static org.aftersales.integration.logistics.LogisticsVariables.CURRENT_STATUS;
import static org.aftersales.integration.logistics.LogisticsVariables.REPORT_PROBLEM;
import static org.aftersales.integration.logistics.LogisticsVariables.SHIPMENT_DONE;
import static org.aftersales.integration.logistics.LogisticsVariables.SHIPMENT_STATUS;
import static org.aftersales.integration.logistics.LogisticsVariables.TRACKING_NUMBER;

import java.util.Optional;
import org.aftersales.common.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded logistics desk reports like a carrier would on {@code /api/events/logistics},
 * with this step's activity instance as the event id. The desk's task comes back until the
 * shipment is received or delivered; a status the shipment cannot take comes back with the
 * reason; a shipment cancelled or a case no longer waiting ends the desk's work.
 */
@Component("reportShipmentStatus")
public class ReportShipmentStatus implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportShipmentStatus.class);

  private final LogisticsEvents events;
  private final Shipments shipments;

  public ReportShipmentStatus(LogisticsEvents events, Shipments shipments) {
    this.events = events;
    this.shipments = shipments;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String trackingNumber = Variables.string(execution, TRACKING_NUMBER);
    String status = Variables.string(execution, SHIPMENT_STATUS);
    // Checked first, because a refusal inside the engine's transaction would roll the desk task back.
    Optional<LogisticsEvents.Refusal> refusal = events.refusal(trackingNumber, status);
    boolean ended = false;
    if (refusal.isEmpty()) {
      events.apply(new LogisticsEvent(trackingNumber, status, "logistics-desk:" + execution.getActivityInstanceId(),
          null, Variables.string(execution, CARRIER_NOTE)));
    } else if (!refusal.get().wrongStatus()) {
      LOG.warn("Logistics desk: report '{}' on {} is not applied: {}", status, trackingNumber,
          refusal.get().reason());
      ended = true;
    }
    execution.setVariable(REPORT_PROBLEM, refusal.filter(LogisticsEvents.Refusal::wrongStatus)
        .map(LogisticsEvents.Refusal::reason).orElse(null));
    String current = shipments.find(trackingNumber).map(Shipment::getStatus).orElse(Shipment.CANCELLED);
    boolean done = ended || Shipment.RECEIVED.equals(current) || Shipment.DELIVERED.equals(current)
        || Shipment.CANCELLED.equals(current);
    execution.setVariable(CURRENT_STATUS, current);
    execution.setVariable(SHIPMENT_DONE, done);
    if (!done) {
      // the next report starts from an empty choice
      execution.removeVariable(SHIPMENT_STATUS);
    }
  }
}
