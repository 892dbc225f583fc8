package org.aftersales.bugloop;

import jakarta.validation.Validator;
import java.time.Instant;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldChecks;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.integration.InboundEvent;
import org.aftersales.integration.InboundEventRepository;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies R&D's answers to the bug escalation waiting for them. The same answer twice
 * changes nothing; an answer the case is not waiting for is a conflict.
 */
@Service
public class RndEvents {

  public static final String SOURCE = "rnd";
  private static final Logger LOG = LoggerFactory.getLogger(RndEvents.class);

  public enum Outcome { APPLIED, DUPLICATE }

  private final BugTicketRepository tickets;
  private final InboundEventRepository inbound;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Validator validator;

  public RndEvents(BugTicketRepository tickets, InboundEventRepository inbound, RuntimeService runtimeService,
      SystemAuthority system, Validator validator) {
    this.tickets = tickets;
    this.inbound = inbound;
    this.runtimeService = runtimeService;
    this.system = system;
    this.validator = validator;
  }

  @Transactional
  public Outcome apply(RndEvent event) {
    validate(event);
    BugTicket ticket = tickets.findByTicketKey(event.ticketKey())
        .orElseThrow(() -> ApiException.notFound("No R&D ticket " + event.ticketKey()));
    if (event.eventId() != null && inbound.existsBySourceAndEventId(SOURCE, event.eventId())) {
      return Outcome.DUPLICATE;
    }
    if (event.round() != null && event.round() != ticket.getRound()) {
      if (event.round() < ticket.getRound()) {
        return Outcome.DUPLICATE; // an answer for an earlier round, already acted on
      }
      throw ApiException.conflict("Ticket " + ticket.getTicketKey() + " is in round " + ticket.getRound()
          + ", not " + event.round());
    }
    BugTicket.Status answer = RndEvent.RESOLVED.equals(event.status())
        ? BugTicket.Status.RESOLVED : BugTicket.Status.REJECTED;
    switch (ticket.getStatus()) {
      case OPEN -> {
        // answered first: the steps the message triggers read the ticket's new state
        ticket.answered(answer, event.fixVersion(), event.comment(), EngineTime.now());
        correlate(ticket, event, answer);
      }
      case RESOLVED, FIXED -> {
        if (answer == BugTicket.Status.RESOLVED) {
          return Outcome.DUPLICATE;
        }
        throw ApiException.conflict("Ticket " + ticket.getTicketKey() + " is already resolved; case "
            + ticket.getCaseNumber() + " is not waiting for a rejection");
      }
      case REJECTED -> {
        if (answer == BugTicket.Status.REJECTED) {
          return Outcome.DUPLICATE;
        }
        throw ApiException.conflict("Ticket " + ticket.getTicketKey() + " was rejected; case "
            + ticket.getCaseNumber() + " is not waiting for a resolution");
      }
      default -> throw new IllegalStateException("Unknown ticket status " + ticket.getStatus());
    }
    Instant now = EngineTime.now();
    if (event.eventId() != null) {
      inbound.save(new InboundEvent(SOURCE, event.eventId(), ticket.getTicketKey(), now));
    }
    LOG.info("Case {}: R&D {} ticket {} (round {})", ticket.getCaseNumber(), event.status(), ticket.getTicketKey(),
        ticket.getRound());
    return Outcome.APPLIED;
  }

  /** Whether the ticket still waits for R&D's answer on this round (false for unknown tickets). */
  @Transactional(readOnly = true)
  public boolean awaitsAnswer(String ticketKey, int round) {
    return tickets.findByTicketKey(ticketKey)
        .map(t -> t.getStatus() == BugTicket.Status.OPEN && t.getRound() == round).orElse(false);
  }

  private void correlate(BugTicket ticket, RndEvent event, BugTicket.Status answer) {
    String message = answer == BugTicket.Status.RESOLVED
        ? BugEscalationVariables.TICKET_RESOLVED_MESSAGE : BugEscalationVariables.TICKET_REJECTED_MESSAGE;
    try {
      system.run(() -> runtimeService.createMessageCorrelation(message)
          .processInstanceBusinessKey(ticket.getCaseNumber())
          .processInstanceVariableEquals(BugEscalationVariables.TICKET_KEY, ticket.getTicketKey())
          .setVariable(BugEscalationVariables.FIX_VERSION, event.fixVersion())
          .setVariable(BugEscalationVariables.RND_COMMENT, event.comment())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("Case " + ticket.getCaseNumber() + " is not waiting for an answer on ticket "
          + ticket.getTicketKey());
    }
  }

  private void validate(RndEvent event) {
    if (event == null) {
      throw ApiException.badField("body", "is required");
    }
    FieldChecks.reject(FieldChecks.problems(validator, event));
  }
}
