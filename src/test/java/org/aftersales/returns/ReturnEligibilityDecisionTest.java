package org.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.model.dmn.HitPolicy;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed return-eligibility table (hit policy FIRST) at its boundaries, and which rule answered.
 * Periods include both ends: a quality defect on day 15 is accepted, on day 16 reviewed (premium: 30/31);
 * reviewed up to day 90, refused from 91; a wrong selection as new on day 7 is accepted, on day 8 refused
 * (premium: 15/16).
 */
@ProcessScenarioTest
class ReturnEligibilityDecisionTest {

  // Each evaluation at its own engine time, so its history entry is found among other classes' ones.
  private static final AtomicLong EVALUATION = new AtomicLong();
  private static final Instant EPOCH = Instant.parse("2032-03-04T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} -> {6}")
  @CsvSource(nullValues = "null", textBlock = """
      quality on day 0,           quality,         0,    as-new,  standard, eligible,       RuleQualityWithin15Days
      quality on day 15,          quality,         15,   used,    standard, eligible,       RuleQualityWithin15Days
      quality on day 16,          quality,         16,   used,    standard, needs-approval, RuleQualityWithin90Days
      quality on day 30,          quality,         30,   used,    standard, needs-approval, RuleQualityWithin90Days
      quality on day 90,          quality,         90,   used,    standard, needs-approval, RuleQualityWithin90Days
      quality on day 91,          quality,         91,   used,    standard, not-eligible,   RuleQualityAfter90Days
      quality damaged,            quality,         10,   damaged, standard, eligible,       RuleQualityWithin15Days
      premium quality on day 15,  quality,         15,   used,    premium,  eligible,       RuleQualityWithin15Days
      premium quality on day 16,  quality,         16,   used,    premium,  eligible,       RuleQualityPremiumWithin30Days
      premium quality on day 30,  quality,         30,   used,    premium,  eligible,       RuleQualityPremiumWithin30Days
      premium quality on day 31,  quality,         31,   used,    premium,  needs-approval, RuleQualityWithin90Days
      premium quality on day 90,  quality,         90,   used,    premium,  needs-approval, RuleQualityWithin90Days
      premium quality on day 91,  quality,         91,   used,    premium,  not-eligible,   RuleQualityAfter90Days
      quality no tier day 16,     quality,         16,   used,    null,     needs-approval, RuleQualityWithin90Days
      quality no date,            quality,         null, used,    premium,  needs-approval, RuleUnknownDays
      quality day -1,             quality,         -1,   used,    standard, needs-approval, RuleReview
      misuse day 0,               misuse,          0,    as-new,  premium,  not-eligible,   RuleMisuse
      misuse no date,             misuse,          null, used,    standard, not-eligible,   RuleMisuse
      misuse day 400,             misuse,          400,  damaged, standard, not-eligible,   RuleMisuse
      wrong sel. day 0,           wrong-selection, 0,    as-new,  standard, eligible,       RuleWrongSelectionAsNew
      wrong sel. day 7,           wrong-selection, 7,    as-new,  standard, eligible,       RuleWrongSelectionAsNew
      wrong sel. day 8,           wrong-selection, 8,    as-new,  standard, not-eligible,   RuleWrongSelectionLate
      wrong sel. used day 0,      wrong-selection, 0,    used,    standard, needs-approval, RuleWrongSelectionUsed
      wrong sel. used day 7,      wrong-selection, 7,    used,    standard, needs-approval, RuleWrongSelectionUsed
      wrong sel. used day 8,      wrong-selection, 8,    used,    standard, not-eligible,   RuleWrongSelectionLate
      wrong sel. no tier day 8,   wrong-selection, 8,    as-new,  null,     not-eligible,   RuleWrongSelectionLate
      premium wrong sel. day 7,   wrong-selection, 7,    as-new,  premium,  eligible,       RuleWrongSelectionAsNew
      premium wrong sel. day 8,   wrong-selection, 8,    as-new,  premium,  eligible,       RuleWrongSelectionPremiumAsNew
      premium wrong sel. day 15,  wrong-selection, 15,   as-new,  premium,  eligible,       RuleWrongSelectionPremiumAsNew
      premium wrong sel. day 16,  wrong-selection, 16,   as-new,  premium,  not-eligible,   RuleWrongSelectionLate
      premium used day 7,         wrong-selection, 7,    used,    premium,  needs-approval, RuleWrongSelectionUsed
      premium used day 8,         wrong-selection, 8,    used,    premium,  needs-approval, RuleWrongSelectionPremiumUsed
      premium used day 15,        wrong-selection, 15,   used,    premium,  needs-approval, RuleWrongSelectionPremiumUsed
      premium used day 16,        wrong-selection, 16,   used,    premium,  not-eligible,   RuleWrongSelectionLate
      wrong sel. damaged day 0,   wrong-selection, 0,    damaged, premium,  not-eligible,   RuleWrongSelectionDamaged
      wrong sel. damaged no date, wrong-selection, null, damaged, standard, not-eligible,   RuleWrongSelectionDamaged
      wrong sel. no date,         wrong-selection, null, as-new,  standard, needs-approval, RuleUnknownDays
      wrong sel. no condition,    wrong-selection, 3,    null,    standard, needs-approval, RuleReview
      wrong sel. day 8 no cond.,  wrong-selection, 8,    null,    standard, not-eligible,   RuleWrongSelectionLate
      wrong sel. day -1,          wrong-selection, -1,   as-new,  standard, needs-approval, RuleReview
      unknown reason,             other,           3,    as-new,  standard, needs-approval, RuleReview
      no reason,                  null,            3,    as-new,  standard, needs-approval, RuleReview
      nothing known,              null,            null, null,    null,     needs-approval, RuleUnknownDays
      """)
  void eligibilityAtTheBoundaries(String situation, String returnReason, Integer daysSinceDelivery,
      String unitCondition, String customerTier, String expectedEligibility, String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnReason", returnReason);
    variables.put("daysSinceDelivery", daysSinceDelivery);
    variables.put("unitCondition", unitCondition);
    variables.put("customerTier", customerTier);

    DmnDecisionResultEntries answer = evaluate(variables, expectedRule);

    assertThat(answer.<String>getEntry("eligibility")).isEqualTo(expectedEligibility);
    // every rule gives every output: getEntry of a missing one throws
    assertThat(answer.<String>getEntry("eligibilityReason")).isNotBlank();
  }

  @Test
  void theReasonTellsTheCustomerThePeriod() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnReason", "wrong-selection");
    variables.put("daysSinceDelivery", 20);
    variables.put("unitCondition", "as-new");
    variables.put("customerTier", "premium");

    DmnDecisionResultEntries answer = evaluate(variables, "RuleWrongSelectionLate");

    assertThat(answer.<String>getEntry("eligibilityReason")).isEqualTo(
        "Products chosen by mistake can be returned within 7 days of delivery (15 days for premium customers);"
            + " that period has passed.");
  }

  @Test
  void daysComputedAsLongAreAccepted() {
    // ChronoUnit.DAYS.between answers a long
    Map<String, Object> variables = new HashMap<>();
    variables.put("returnReason", "quality");
    variables.put("daysSinceDelivery", 15L);
    variables.put("unitCondition", "used");
    variables.put("customerTier", "standard");

    DmnDecisionResultEntries answer = evaluate(variables, "RuleQualityWithin15Days");

    assertThat(answer.<String>getEntry("eligibility")).isEqualTo("eligible");
  }

  @Test
  void everyRuleIsDescribedAndFillsEveryOutput() {
    String definitionId = repositoryService.createDecisionDefinitionQuery().decisionDefinitionKey("return-eligibility")
        .latestVersion().singleResult().getId();
    DecisionTable table = repositoryService.getDmnModelInstance(definitionId)
        .getModelElementsByType(DecisionTable.class).iterator().next();

    assertThat(table.getHitPolicy()).isEqualTo(HitPolicy.FIRST);
    assertThat(table.getRules()).hasSize(13).allSatisfy(rule -> {
      assertThat(rule.getId()).startsWith("Rule");
      assertThat(rule.getDescription()).isNotNull();
      assertThat(rule.getDescription().getTextContent()).isNotBlank();
      assertThat(rule.getOutputEntries()).hasSize(2)
          .allSatisfy(entry -> assertThat(entry.getText().getTextContent()).isNotBlank());
    });
    // the catch-all is last: with FIRST, any row after it would never answer
    Rule last = table.getRules().stream().reduce((first, second) -> second).orElseThrow();
    assertThat(last.getId()).isEqualTo("RuleReview");
    assertThat(last.getInputEntries()).allSatisfy(entry -> assertThat(entry.getText().getTextContent()).isBlank());
  }

  private DmnDecisionResultEntries evaluate(Map<String, Object> variables, String expectedRule) {
    Instant evaluatedAt = EPOCH.plusSeconds(60 * EVALUATION.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));

    var result = decisionService.evaluateDecisionByKey("return-eligibility").variables(variables).evaluate();

    assertThat(result).hasSize(1);
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("return-eligibility").evaluatedAfter(Date.from(evaluatedAt))
        .evaluatedBefore(Date.from(evaluatedAt)).includeOutputs().singleResult();
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
        .containsOnly(expectedRule);
    return result.getSingleResult();
  }
}
