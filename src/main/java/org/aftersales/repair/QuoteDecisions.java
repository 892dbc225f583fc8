package org.aftersales.repair;

import jakarta.validation.Validator;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldChecks;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.common.TaskInputException;
import org.aftersales.servicecase.ServiceCaseRepository;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The customer's answer to a sent quote, whichever way it comes: through the API (the portal,
 * an integration) or recorded in Tasklist by sales or after-sales. The first answer counts; the
 * same answer again changes nothing; a different one afterwards is a conflict.
 */
@Service
public class QuoteDecisions {

  public enum Outcome { APPLIED, DUPLICATE }

  private static final Logger LOG = LoggerFactory.getLogger(QuoteDecisions.class);

  private final RepairOrderRepository orders;
  private final ServiceCaseRepository cases;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;
  private final Validator validator;

  public QuoteDecisions(RepairOrderRepository orders, ServiceCaseRepository cases, RuntimeService runtimeService,
      SystemAuthority system, Validator validator) {
    this.orders = orders;
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.system = system;
    this.validator = validator;
  }

  @Transactional
  public Outcome decide(String caseNumber, QuoteDecision decision, String by) {
    if (decision == null) {
      throw ApiException.badField("body", "is required");
    }
    FieldChecks.reject(FieldChecks.problems(validator, decision));
    RepairOrder order = orders.findByCaseNumber(caseNumber).orElseThrow(() -> cases.existsByCaseNumber(caseNumber)
        ? ApiException.conflict("Case " + caseNumber + " has no repair quote")
        : ApiException.notFound("No case " + caseNumber));
    RepairOrder.QuoteStatus status = order.getQuoteStatus();
    if (status == RepairOrder.QuoteStatus.ACCEPTED || status == RepairOrder.QuoteStatus.DECLINED) {
      if (decision.accepted() == (status == RepairOrder.QuoteStatus.ACCEPTED)) {
        return Outcome.DUPLICATE;
      }
      throw ApiException.conflict("The quote of case " + caseNumber + " was already " + status.name().toLowerCase());
    }
    if (status != RepairOrder.QuoteStatus.SENT) {
      throw ApiException.conflict("Case " + caseNumber + " is not waiting for an answer to a quote"
          + (status == RepairOrder.QuoteStatus.EXPIRED ? " (the quote expired)" : ""));
    }
    order.quoteDecided(decision.accepted(), EngineTime.now(), by, "api", decision.note());
    try {
      system.run(() -> runtimeService.createMessageCorrelation(RepairVariables.QUOTE_DECIDED_MESSAGE)
          .processInstanceBusinessKey(caseNumber)
          .setVariable(RepairVariables.QUOTE_ACCEPTED, decision.accepted())
          .setVariable(RepairVariables.QUOTE_ANSWER, decision.accepted() ? "accepted" : "declined")
          .setVariable(RepairVariables.QUOTE_ANSWER_NOTE, decision.note())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("Case " + caseNumber + " is not waiting for an answer to a quote");
    }
    LOG.info("Case {}: quote {} by {} (API)", caseNumber, decision.accepted() ? "accepted" : "declined", by);
    return Outcome.APPLIED;
  }

  /** From the "Record customer's answer" task, inside the engine's transaction. */
  @Transactional(propagation = Propagation.MANDATORY)
  public void recordInTask(String caseNumber, boolean accepted, String by, String note) {
    RepairOrder order = orders.findByCaseNumber(caseNumber).orElseThrow();
    if (order.getQuoteStatus() != RepairOrder.QuoteStatus.SENT) {
      throw new TaskInputException(RepairVariables.QUOTE_ANSWER, "The quote was already answered or has expired");
    }
    order.quoteDecided(accepted, EngineTime.now(), by, "task", note);
    LOG.info("Case {}: quote {} as recorded by {}", caseNumber, accepted ? "accepted" : "declined", by);
  }
}
