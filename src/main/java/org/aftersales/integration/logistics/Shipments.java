package org.aftersales.integration.logistics;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aftersales.common.EngineTime;
import org.aftersales.integration.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Shipments of a case: our record and the outbox message to logistics, in the caller's
 * (the engine's) transaction, so a shipment exists exactly when the step that ordered it
 * was committed, and is sent once whatever the retries.
 */
@Service
public class Shipments {

  public static final String SHIPMENT_TYPE = "logistics.shipment";
  public static final String CANCEL_TYPE = "logistics.cancel";
  private static final Set<String> KINDS = Set.of(ShipmentRequest.PICK_UP, ShipmentRequest.OUTBOUND,
      ShipmentRequest.PARTS);
  private static final Logger LOG = LoggerFactory.getLogger(Shipments.class);

  private final ShipmentRepository shipments;
  private final Outbox outbox;

  public Shipments(ShipmentRepository shipments, Outbox outbox) {
    this.shipments = shipments;
    this.outbox = outbox;
  }

  /** A new shipment, tracking number {@code SHP-<year>-<number>-<n>}: the case's n-th. */
  @Transactional
  public Shipment request(ShipmentRequest request) {
    check(request);
    String caseNumber = request.caseNumber();
    // Two shipments of one case ordered at the same moment get the same number: the unique
    // key refuses the second, and its job is retried with the next number.
    String trackingNumber = "SHP-" + caseNumber.substring("AS-".length()) + "-"
        + (shipments.countByCaseNumber(caseNumber) + 1);
    Shipment shipment = shipments.save(new Shipment(trackingNumber, request, EngineTime.now()));
    outbox.enqueue(SHIPMENT_TYPE, caseNumber, "logistics:" + trackingNumber,
        ShipmentOrder.of(ShipmentOrder.CREATE, shipment));
    LOG.info("Case {}: {} shipment {} requested", caseNumber, request.kind(), trackingNumber);
    return shipment;
  }

  /**
   * Cancels a shipment the carrier has not completed. Cancelling twice changes nothing; a
   * shipment already received or delivered stays as it is (its status tells the caller).
   */
  @Transactional
  public Shipment cancel(String trackingNumber) {
    Shipment shipment = shipments.findByTrackingNumber(trackingNumber)
        .orElseThrow(() -> new IllegalArgumentException("No shipment " + trackingNumber));
    if (Shipment.CANCELLED.equals(shipment.getStatus())) {
      return shipment;
    }
    if (shipment.isCompleted()) {
      LOG.warn("Case {}: shipment {} is already {}; not cancelled", shipment.getCaseNumber(), trackingNumber,
          shipment.getStatus());
      return shipment;
    }
    shipment.cancelled(EngineTime.now());
    outbox.enqueue(CANCEL_TYPE, shipment.getCaseNumber(), "logistics-cancel:" + trackingNumber,
        ShipmentOrder.of(ShipmentOrder.CANCEL, shipment));
    LOG.info("Case {}: shipment {} cancelled", shipment.getCaseNumber(), trackingNumber);
    return shipment;
  }

  @Transactional(readOnly = true)
  public Optional<Shipment> find(String trackingNumber) {
    return shipments.findByTrackingNumber(trackingNumber);
  }

  @Transactional(readOnly = true)
  public List<Shipment> ofCase(String caseNumber) {
    return shipments.findByCaseNumberOrderById(caseNumber);
  }

  private static void check(ShipmentRequest request) {
    if (request == null || request.caseNumber() == null || !request.caseNumber().startsWith("AS-")) {
      throw new IllegalArgumentException("A shipment needs the case number (AS-...), got "
          + (request == null ? null : request.caseNumber()));
    }
    if (!KINDS.contains(request.kind())) {
      throw new IllegalArgumentException("Unknown shipment kind " + request.kind() + "; expected one of " + KINDS);
    }
  }
}
