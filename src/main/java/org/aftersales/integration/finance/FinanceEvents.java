package org.aftersales.integration.finance;

import jakarta.validation.Validator;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldChecks;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.EmbeddedDesks;
import org.aftersales.integration.InboundEvent;
import org.aftersales.integration.InboundEventRepository;
import org.aftersales.integration.notification.Notice;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Applies finance's answers to our postings and to the case waiting for the money. The same
 * answer twice changes nothing; one contradicting what we know, or one the case is not
 * waiting for, is a conflict.
 */
@Service
public class FinanceEvents {

  public static final String SOURCE = "finance";
  private static final Logger LOG = LoggerFactory.getLogger(FinanceEvents.class);

  public enum Outcome { APPLIED, DUPLICATE }

  private final FinancePostingRepository postings;
  private final InboundEventRepository inbound;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Validator validator;
  private final EmbeddedDesks desks;
  private final Notifications notifications;

  public FinanceEvents(FinancePostingRepository postings, InboundEventRepository inbound,
      RuntimeService runtimeService, SystemAuthority system, Validator validator, EmbeddedDesks desks, Notifications notifications) {
    this.postings = postings;
    this.inbound = inbound;
    this.runtimeService = runtimeService;
    this.system = system;
    this.validator = validator;
    this.desks = desks;
    this.notifications = notifications;
  }

  @Transactional
  public Outcome apply(FinanceEvent event) {
    validate(event);
    FinancePosting posting = postings.findByReference(event.reference())
        .orElseThrow(() -> ApiException.notFound("No finance posting " + event.reference()));
    if (event.eventId() != null && inbound.existsBySourceAndEventId(SOURCE, event.eventId())) {
      return Outcome.DUPLICATE;
    }
    String contradiction = contradiction(posting, event);
    if (contradiction != null) {
      throw ApiException.conflict(contradiction);
    }
    if (posting.getStatus().equals(event.status())) {
      return Outcome.DUPLICATE;
    }
    Instant now = EngineTime.now();
    if (FinanceEvent.SETTLED.equals(event.status())) {
      posting.settled(event.note(), now);
      // Our row first, flushed: of two identical answers at once, the second waits for the
      // first's row lock and fails on the version instead of correlating a second time.
      postings.flush();
      correlate(posting, now);
      desks.answered(FinanceVariables.DESK_PROCESS_KEY, posting.getCaseNumber(), FinanceVariables.POSTING_REFERENCE,
          posting.getReference());
    } else {
      posting.failed(event.note(), now);
      LOG.warn("Case {}: finance reports posting {} failed: {}", posting.getCaseNumber(), posting.getReference(),
          event.note());
      // the case keeps waiting for the settlement: people must know it is stuck
      Notice failed = Notice.of("posting-failed", "caseNumber", posting.getCaseNumber(),
          "reference", posting.getReference(),
          "amount", posting.getAmount().toPlainString() + " " + posting.getCurrency(), "note", event.note());
      for (String group : List.of(StaffGroup.FINANCE.id(), StaffGroup.AFTER_SALES.id())) {
        notifications.queue(posting.getCaseNumber(), Notification.GROUP, group,
            event.note() == null ? failed : failed.variant("noted"), notifications.staffLanguage(),
            posting.getReference() + "|" + group + "|" + now);
      }
    }
    if (event.eventId() != null) {
      inbound.save(new InboundEvent(SOURCE, event.eventId(), posting.getReference(), now));
    }
    LOG.info("Case {}: posting {} {}", posting.getCaseNumber(), posting.getReference(), event.status());
    return Outcome.APPLIED;
  }

  /**
   * Why this answer would be refused (409), if it would: then nothing changes. The finance
   * desk asks before it reports, since a refusal inside the engine's transaction would roll
   * its task back.
   */
  @Transactional(readOnly = true)
  public Optional<String> refusal(String reference, String status) {
    FinancePosting posting = postings.findByReference(reference).orElse(null);
    if (posting == null) {
      return Optional.of("No finance posting " + reference);
    }
    String contradiction = contradiction(posting, new FinanceEvent(reference, status, null, null, null));
    if (contradiction != null) {
      return Optional.of(contradiction);
    }
    if (FinanceEvent.SETTLED.equals(status) && FinancePosting.REQUESTED.equals(posting.getStatus())
        && !isWaiting(posting)) {
      return Optional.of(notWaiting(posting));
    }
    return Optional.empty();
  }

  private static String contradiction(FinancePosting posting, FinanceEvent event) {
    if (event.amount() != null && event.amount().compareTo(posting.getAmount()) != 0) {
      return "Posting " + posting.getReference() + " is for " + posting.getAmount().stripTrailingZeros().toPlainString()
          + " " + posting.getCurrency() + ", not " + event.amount().toPlainString();
    }
    // Only a settlement is final: after a failure finance may try again and settle.
    if (FinancePosting.SETTLED.equals(posting.getStatus()) && !posting.getStatus().equals(event.status())) {
      return "Posting " + posting.getReference() + " is already " + posting.getStatus() + "; case "
          + posting.getCaseNumber() + " is not waiting for '" + event.status() + "'";
    }
    return null;
  }

  private void correlate(FinancePosting posting, Instant at) {
    try {
      system.run(() -> runtimeService.createMessageCorrelation(FinanceVariables.PAYMENT_SETTLED_MESSAGE)
          .processInstanceBusinessKey(posting.getCaseNumber())
          .processInstanceVariableEquals(FinanceVariables.POSTING_REFERENCE, posting.getReference())
          .setVariable(FinanceVariables.SETTLED_AT, at.toString())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict(notWaiting(posting));
    }
  }

  private boolean isWaiting(FinancePosting posting) {
    return system.call(() -> runtimeService.createExecutionQuery()
        .messageEventSubscriptionName(FinanceVariables.PAYMENT_SETTLED_MESSAGE)
        .processInstanceBusinessKey(posting.getCaseNumber())
        .processVariableValueEquals(FinanceVariables.POSTING_REFERENCE, posting.getReference())
        .count() > 0);
  }

  private static String notWaiting(FinancePosting posting) {
    return "Case " + posting.getCaseNumber() + " is not waiting for the settlement of " + posting.getReference();
  }

  private void validate(FinanceEvent event) {
    if (event == null) {
      throw ApiException.badField("body", "is required");
    }
    FieldChecks.reject(FieldChecks.problems(validator, event));
  }
}
