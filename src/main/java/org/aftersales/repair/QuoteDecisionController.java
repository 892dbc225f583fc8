package org.aftersales.repair;

import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.common.Retries;
import org.aftersales.identity.StaffGroup;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The customer accepts or declines a repair quote (passed on by the portal, the service desk,
 * sales or after-sales).
 */
@RestController
class QuoteDecisionController {

  private final QuoteDecisions decisions;
  private final ApiAccess access;

  QuoteDecisionController(QuoteDecisions decisions, ApiAccess access) {
    this.decisions = decisions;
    this.access = access;
  }

  @PostMapping("/api/cases/{caseNumber}/quote-decision")
  Map<String, Object> decide(@PathVariable String caseNumber, @RequestBody(required = false) QuoteDecision decision) {
    String user = access.require("record a customer's answer to a quote", List.of(StaffGroup.CUSTOMER_SERVICE.id(),
        StaffGroup.SALES.id(), StaffGroup.AFTER_SALES.id()));
    QuoteDecisions.Outcome outcome = Retries.onConcurrentUpdate(() -> decisions.decide(caseNumber, decision, user));
    return Map.of("caseNumber", caseNumber, "outcome", outcome.name().toLowerCase());
  }
}
