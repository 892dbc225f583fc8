package org.aftersales.refund;

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
import org.camunda.bpm.engine.history.HistoricDecisionInstance;
import org.camunda.bpm.engine.history.HistoricDecisionOutputInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed refund-rate table (hit policy FIRST): every condition and responsibility, and the
 * values just outside the lists, with the rule that answered. Company responsibility wins over
 * any condition; anything unknown falls to the catch-all's lowest rate.
 */
@ProcessScenarioTest
class RefundRateDecisionTest {

  // Each evaluation at its own engine time, so its history entry is found among other classes' ones.
  private static final AtomicLong EVALUATION = new AtomicLong();
  private static final Instant EPOCH = Instant.parse("2032-03-04T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}, {1} -> {2}% by {3}")
  @CsvSource(nullValues = "null", textBlock = """
      as-new,  company,  100, RuleCompanyResponsible
      used,    company,  100, RuleCompanyResponsible
      damaged, company,  100, RuleCompanyResponsible
      null,    company,  100, RuleCompanyResponsible
      scrap,   company,  100, RuleCompanyResponsible
      as-new,  customer, 90,  RuleAsNewCustomer
      used,    customer, 70,  RuleUsedCustomer
      damaged, customer, 40,  RuleDamagedCustomer
      as-new,  shared,   95,  RuleAsNewShared
      used,    shared,   85,  RuleUsedShared
      damaged, shared,   70,  RuleDamagedShared
      null,    customer, 40,  RuleUnknown
      scrap,   shared,   40,  RuleUnknown
      As-New,  customer, 40,  RuleUnknown
      used,    null,     40,  RuleUnknown
      used,    Company,  40,  RuleUnknown
      used,    supplier, 40,  RuleUnknown
      null,    null,     40,  RuleUnknown
      """)
  void rateAndRuleAtTheBoundaries(String unitCondition, String responsibility, int expectedPercent,
      String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("unitCondition", unitCondition);
    variables.put("responsibility", responsibility);

    DmnDecisionResultEntries answer = evaluate(variables, expectedRule);

    assertThat(answer.<Integer>getEntry("refundPercent")).isEqualTo(expectedPercent);
    assertThat(answer.<String>getEntry("refundRateReason")).contains(expectedPercent + "%")
        .doesNotContain("null");
  }

  private DmnDecisionResultEntries evaluate(Map<String, Object> variables, String expectedRule) {
    Instant evaluatedAt = EPOCH.plusSeconds(60 * EVALUATION.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));

    var result = decisionService.evaluateDecisionByKey("refund-rate").variables(variables).evaluate();

    assertThat(result).hasSize(1);
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("refund-rate").evaluatedAfter(Date.from(evaluatedAt))
        .evaluatedBefore(Date.from(evaluatedAt)).includeOutputs().singleResult();
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
        .containsOnly(expectedRule);
    return result.getSingleResult();
  }
}
