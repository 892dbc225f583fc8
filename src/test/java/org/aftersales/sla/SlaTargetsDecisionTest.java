package org.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Each rule of the deployed sla-targets table (hit policy FIRST), and which rule answered: first response
 * by priority, complaint, channel and contract; on-site arrival by city tier (1 = tier-1 city or provincial capital).
 */
@ProcessScenarioTest
class SlaTargetsDecisionTest {

  // Each evaluation at its own engine time, so its history entry is found among other classes' ones.
  private static final AtomicLong EVALUATION = new AtomicLong();
  private static final Instant EPOCH = Instant.parse("2031-01-06T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} -> {6}: {5} min")
  @CsvSource(nullValues = "null", textBlock = """
      complaint whatever the priority, true,  low,      email,   standard, 60,  RuleComplaint
      urgent,                          false, urgent,   email,   standard, 60,  RuleUrgent
      urgent on premium,               false, urgent,   portal,  premium,  60,  RuleUrgent
      high on premium,                 false, high,     email,   premium,  120, RuleHighPremium
      high,                            false, high,     email,   standard, 240, RuleHigh
      high on the hotline,             false, high,     hotline, standard, 240, RuleHigh
      normal on the hotline,           false, normal,   hotline, standard, 240, RuleNormalHotline
      normal on premium,               false, normal,   portal,  premium,  240, RuleNormalPremium
      normal,                          false, normal,   email,   standard, 480, RuleNormal
      low,                             false, low,      email,   standard, 960, RuleLow
      low on premium and hotline,      false, low,      hotline, premium,  960, RuleLow
      unknown priority,                false, critical, email,   standard, 480, RuleFallback
      no priority,                     false, null,     email,   standard, 480, RuleFallback
      """)
  void firstResponseTarget(String situation, boolean complaint, String priority, String channel,
      String contractLevel, int expectedMinutes, String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    // no cityTier, as in service-request, which does not know it
    variables.put("slaKind", "first-response");
    variables.put("complaint", complaint);
    variables.put("priority", priority);
    variables.put("channel", channel);
    variables.put("contractLevel", contractLevel);

    assertTarget(variables, expectedMinutes, expectedRule);
  }

  @ParameterizedTest(name = "{0} -> {3}: {2} min")
  @CsvSource(nullValues = "null", textBlock = """
      tier-1 city or provincial capital, 1,    240, RuleArrivalTierOne
      tier-2 city,                       2,    720, RuleArrivalElsewhere
      tier-3 city,                       3,    720, RuleArrivalElsewhere
      city of unknown tier,              null, 720, RuleArrivalElsewhere
      """)
  void onSiteArrivalTarget(String situation, Integer cityTier, int expectedMinutes, String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("slaKind", "on-site-arrival");
    variables.put("cityTier", cityTier);
    // what decides the first response must not change the arrival target
    variables.put("complaint", true);
    variables.put("priority", "urgent");
    variables.put("channel", "hotline");
    variables.put("contractLevel", "premium");

    assertTarget(variables, expectedMinutes, expectedRule);
  }

  @ParameterizedTest(name = "{0} -> {1}")
  @CsvSource(nullValues = "null", textBlock = """
      no SLA kind,      null
      unknown SLA kind, resolution
      """)
  void unknownKindFallsBackToTheDefault(String situation, String slaKind) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("slaKind", slaKind);
    variables.put("cityTier", 1);
    variables.put("complaint", true);
    variables.put("priority", "urgent");
    variables.put("channel", "hotline");
    variables.put("contractLevel", "premium");

    assertTarget(variables, 480, "RuleUnknownKind");
  }

  private void assertTarget(Map<String, Object> variables, int expectedMinutes, String expectedRule) {
    Instant evaluatedAt = EPOCH.plusSeconds(60 * EVALUATION.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));

    DmnDecisionResult result = decisionService.evaluateDecisionByKey("sla-targets").variables(variables).evaluate();

    assertThat(result).hasSize(1);
    Object minutes = result.getSingleResult().getEntry("targetMinutes");
    assertThat(minutes).isEqualTo(expectedMinutes);
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("sla-targets").evaluatedAfter(Date.from(evaluatedAt))
        .evaluatedBefore(Date.from(evaluatedAt)).includeOutputs().singleResult();
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
        .containsExactly(expectedRule);
  }
}
