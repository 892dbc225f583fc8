package org.aftersales.servicecase;

import java.util.Objects;
import org.aftersales.api.ApiException;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The customer's satisfaction rating (1-5) for a resolved case. */
@Service
public class CaseFeedback {

  private static final Logger LOG = LoggerFactory.getLogger(CaseFeedback.class);

  public enum Outcome { RECORDED, DUPLICATE }

  public record Rating(Integer satisfaction, String comment) {
  }

  private final ServiceCaseRepository cases;
  private final RuntimeService runtimeService;
  private final SystemAuthority system;

  public CaseFeedback(ServiceCaseRepository cases, RuntimeService runtimeService, SystemAuthority system) {
    this.cases = cases;
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @Transactional
  public Outcome record(String caseNumber, Rating rating) {
    if (rating == null || rating.satisfaction() == null) {
      throw ApiException.badField("satisfaction", "is required");
    }
    if (rating.satisfaction() < 1 || rating.satisfaction() > 5) {
      throw ApiException.badField("satisfaction", "must be between 1 and 5");
    }
    if (rating.comment() != null && rating.comment().length() > 2000) {
      throw ApiException.badField("comment", "must be at most 2000 characters");
    }
    ServiceCase serviceCase = cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> ApiException.notFound("No case " + caseNumber));
    if (serviceCase.getSatisfaction() != null) {
      if (serviceCase.getSatisfaction().equals(rating.satisfaction())
          && Objects.equals(serviceCase.getFeedbackComment(), rating.comment())) {
        return Outcome.DUPLICATE;
      }
      throw ApiException.conflict("Case " + caseNumber + " already has the customer's rating");
    }
    try {
      system.run(() -> runtimeService.createMessageCorrelation(ServiceRequestVariables.FEEDBACK_RECEIVED_MESSAGE)
          .processInstanceBusinessKey(caseNumber)
          .setVariable(ServiceRequestVariables.SATISFACTION, rating.satisfaction())
          .setVariable(ServiceRequestVariables.FEEDBACK_COMMENT, rating.comment())
          .correlateWithResult());
    } catch (MismatchingMessageCorrelationException e) {
      throw ApiException.conflict("Case " + caseNumber + " is not waiting for feedback (status "
          + serviceCase.getStatus().code() + ")");
    }
    serviceCase.feedback(rating.satisfaction(), rating.comment(), EngineTime.now());
    LOG.info("Case {}: customer rated the service {}", caseNumber, rating.satisfaction());
    return Outcome.RECORDED;
  }
}
