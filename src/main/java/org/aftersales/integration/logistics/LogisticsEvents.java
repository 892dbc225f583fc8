package org.aftersales.integration.logistics;

import jakarta.validation.Validator;
import java.time.Instant;
import java.util.Optional;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldChecks;
import org.aftersales.api.FieldProblem;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.integration.EmbeddedDesks;
import org.aftersales.integration.InboundEvent;
import org.aftersales.integration.InboundEventRepository;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies the carrier's events to our shipments and to the case waiting for them. The same
 * event twice changes nothing; an event older than what we know is late and ignored; one the
 * shipment or the case cannot take is a conflict.
 */
@Service
public class LogisticsEvents {

  public static final String SOURCE = "logistics";
  private static final Logger LOG = LoggerFactory.getLogger(LogisticsEvents.class);
  static final Instant EARLIEST_EVENT = Instant.parse("2000-01-01T00:00:00Z");
  static final java.time.Duration CLOCK_SKEW = java.time.Duration.ofDays(1);

  public enum Outcome { APPLIED, DUPLICATE, LATE }

  private final ShipmentRepository shipments;
  private final InboundEventRepository inbound;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Validator validator;
  private final EmbeddedDesks desks;

  public LogisticsEvents(ShipmentRepository shipments, InboundEventRepository inbound, RuntimeService runtimeService,
      SystemAuthority system, Validator validator, EmbeddedDesks desks) {
    this.shipments = shipments;
    this.inbound = inbound;
    this.runtimeService = runtimeService;
    this.system = system;
    this.validator = validator;
    this.desks = desks;
  }

  @Transactional
  public Outcome apply(LogisticsEvent event) {
    validate(event);
    Shipment shipment = shipments.findByTrackingNumber(event.trackingNumber())
        .orElseThrow(() -> ApiException.notFound("No shipment " + event.trackingNumber()));
    if (event.eventId() != null && inbound.existsBySourceAndEventId(SOURCE, event.eventId())) {
      return Outcome.DUPLICATE;
    }
    String refusal = refusal(shipment, event.status());
    if (refusal != null) {
      throw ApiException.conflict(refusal);
    }
    Instant at = event.occurredAt() != null ? event.occurredAt() : EngineTime.now();
    Outcome outcome = switch (event.status()) {
      case LogisticsEvent.EXCEPTION -> {
        shipment.noted(event.note() == null ? "exception reported" : event.note(), EngineTime.now());
        LOG.warn("Case {}: carrier reports a problem with shipment {}: {}", shipment.getCaseNumber(),
            shipment.getTrackingNumber(), event.note());
        yield Outcome.APPLIED;
      }
      case LogisticsEvent.PICKED_UP -> pickedUp(shipment, event, at);
      default -> completed(shipment, event, at);
    };
    if (outcome == Outcome.APPLIED && event.eventId() != null) {
      inbound.save(new InboundEvent(SOURCE, event.eventId(), shipment.getTrackingNumber(), EngineTime.now()));
    }
    return outcome;
  }

  /**
   * Why an event with this status would be refused (409), if it would: then nothing changes.
   * The logistics desk asks before it reports, since a refusal inside the engine's transaction
   * would roll its task back.
   */
  @Transactional(readOnly = true)
  public Optional<Refusal> refusal(String trackingNumber, String status) {
    Shipment shipment = shipments.findByTrackingNumber(trackingNumber).orElse(null);
    if (shipment == null) {
      return Optional.of(new Refusal("No shipment " + trackingNumber, false));
    }
    String refusal = refusal(shipment, status);
    if (refusal != null) {
      return Optional.of(new Refusal(refusal, !Shipment.CANCELLED.equals(shipment.getStatus())));
    }
    if (endsShipment(status) && !shipment.isCompleted() && !isWaiting(shipment)) {
      return Optional.of(new Refusal(notWaiting(shipment), false));
    }
    return Optional.empty();
  }

  /** @param wrongStatus the shipment cannot take this status, though it could take another */
  public record Refusal(String reason, boolean wrongStatus) {
  }

  private String refusal(Shipment shipment, String status) {
    if (Shipment.CANCELLED.equals(shipment.getStatus())) {
      return "Shipment " + shipment.getTrackingNumber() + " was cancelled";
    }
    if (LogisticsEvent.RECEIVED.equals(status) && !shipment.isInbound()) {
      return "Shipment " + shipment.getTrackingNumber() + " is an " + shipment.getKind()
          + " shipment: it is delivered to the customer, not received";
    }
    if (LogisticsEvent.DELIVERED.equals(status) && shipment.isInbound()) {
      return "Shipment " + shipment.getTrackingNumber() + " is a pick-up: it is received from the customer,"
          + " not delivered";
    }
    return null;
  }

  private Outcome pickedUp(Shipment shipment, LogisticsEvent event, Instant at) {
    switch (shipment.getStatus()) {
      case Shipment.PICKED_UP -> {
        return Outcome.DUPLICATE;
      }
      case Shipment.RECEIVED, Shipment.DELIVERED -> {
        LOG.info("Case {}: late 'picked-up' for shipment {}, which is already {}; ignored", shipment.getCaseNumber(),
            shipment.getTrackingNumber(), shipment.getStatus());
        return Outcome.LATE;
      }
      default -> {
        shipment.pickedUp(at);
        shipment.noted(event.note(), at);
        LOG.info("Case {}: shipment {} picked up", shipment.getCaseNumber(), shipment.getTrackingNumber());
        return Outcome.APPLIED;
      }
    }
  }

  /** {@code received} of a pick-up or {@code delivered} of an outbound or parts shipment. */
  private Outcome completed(Shipment shipment, LogisticsEvent event, Instant at) {
    if (shipment.isCompleted()) {
      return Outcome.DUPLICATE;
    }
    if (shipment.isInbound()) {
      shipment.received(at);
    } else {
      shipment.delivered(at);
    }
    shipment.noted(event.note(), at);
    // Our row first, flushed: of two identical events at once, the second waits for the
    // first's row lock and fails on the version instead of correlating a second time.
    shipments.flush();
    correlate(shipment, at);
    desks.answered(LogisticsVariables.DESK_PROCESS_KEY, shipment.getCaseNumber(), LogisticsVariables.TRACKING_NUMBER,
        shipment.getTrackingNumber());
    LOG.info("Case {}: shipment {} {}", shipment.getCaseNumber(), shipment.getTrackingNumber(), event.status());
    return Outcome.APPLIED;
  }

  private void correlate(Shipment shipment, Instant at) {
    boolean inbound = shipment.isInbound();
    try {
      system.run(() -> runtimeService.createMessageCorrelation(message(shipment))
          .processInstanceBusinessKey(shipment.getCaseNumber())
          .processInstanceVariableEquals(LogisticsVariables.TRACKING_NUMBER, shipment.getTrackingNumber())
          .setVariable(inbound ? LogisticsVariables.UNIT_RECEIVED_AT : LogisticsVariables.DELIVERED_AT, at.toString())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict(notWaiting(shipment));
    }
  }

  private boolean isWaiting(Shipment shipment) {
    return system.call(() -> runtimeService.createExecutionQuery()
        .messageEventSubscriptionName(message(shipment))
        .processInstanceBusinessKey(shipment.getCaseNumber())
        .processVariableValueEquals(LogisticsVariables.TRACKING_NUMBER, shipment.getTrackingNumber())
        .count() > 0);
  }

  private static String message(Shipment shipment) {
    return shipment.isInbound()
        ? LogisticsVariables.UNIT_RECEIVED_MESSAGE : LogisticsVariables.SHIPMENT_DELIVERED_MESSAGE;
  }

  private static String notWaiting(Shipment shipment) {
    return "Case " + shipment.getCaseNumber() + " is not waiting for shipment " + shipment.getTrackingNumber();
  }

  private static boolean endsShipment(String status) {
    return LogisticsEvent.RECEIVED.equals(status) || LogisticsEvent.DELIVERED.equals(status);
  }

  private void validate(LogisticsEvent event) {
    if (event == null) {
      throw ApiException.badField("body", "is required");
    }
    var problems = FieldChecks.problems(validator, event);
    if (event.occurredAt() != null) {
      // A carrier's clock may run a little ahead; a time outside these bounds is a broken client.
      Instant latest = EngineTime.now().plus(CLOCK_SKEW);
      if (event.occurredAt().isBefore(EARLIEST_EVENT) || event.occurredAt().isAfter(latest)) {
        problems.add(new FieldProblem("occurredAt", "must be between " + EARLIEST_EVENT + " and a day from now"));
      }
    }
    FieldChecks.reject(problems);
  }
}
