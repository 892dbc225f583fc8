package org.aftersales.repair;

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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed warranty table (hit policy FIRST) at its boundaries, and which rule answered. A unit is in
 * warranty while fewer months than its line's period have passed: hardware 23 is in, 24 is out.
 */
@ProcessScenarioTest
class WarrantyDecisionTest {

  // Each evaluation at its own engine time, so its history entry is found among other classes' ones.
  private static final AtomicLong EVALUATION = new AtomicLong();
  private static final Instant EPOCH = Instant.parse("2031-02-03T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0} -> {6}")
  @CsvSource(nullValues = "null", textBlock = """
      hardware just delivered,         normal-use, hardware, 0,    true,  24,   RuleHardwareInWarranty
      hardware at 23 months,           normal-use, hardware, 23,   true,  24,   RuleHardwareInWarranty
      hardware at 24 months,           normal-use, hardware, 24,   false, 24,   RuleHardwareExpired
      printer at 11 months,            normal-use, printer,  11,   true,  12,   RulePrinterInWarranty
      printer at 12 months,            normal-use, printer,  12,   false, 12,   RulePrinterExpired
      display at 35 months,            normal-use, display,  35,   true,  36,   RuleDisplayInWarranty
      display at 36 months,            normal-use, display,  36,   false, 36,   RuleDisplayExpired
      software at 11 months,           normal-use, software, 11,   true,  12,   RuleSoftwareInWarranty
      software at 12 months,           normal-use, software, 12,   false, 12,   RuleSoftwareExpired
      other line at 11 months,         normal-use, network,  11,   true,  12,   RuleOtherInWarranty
      other line at 12 months,         normal-use, network,  12,   false, 12,   RuleOtherExpired
      no line at 11 months,            normal-use, null,     11,   true,  12,   RuleOtherInWarranty
      no line at 12 months,            normal-use, null,     12,   false, 12,   RuleOtherExpired
      unknown cause counts as normal,  unknown,    hardware, 23,   true,  24,   RuleHardwareInWarranty
      no cause counts as normal,       null,       display,  35,   true,  36,   RuleDisplayInWarranty
      misuse inside the period,        misuse,     hardware, 1,    false, 24,   RuleHardwareMisuse
      misuse of a new printer,         misuse,     printer,  0,    false, 12,   RulePrinterMisuse
      misuse of a display,             misuse,     display,  35,   false, 36,   RuleDisplayMisuse
      misuse of software,              misuse,     software, 11,   false, 12,   RuleSoftwareMisuse
      misuse on another line,          misuse,     network,  11,   false, 12,   RuleOtherMisuse
      misuse without proof,            misuse,     printer,  null, false, 12,   RulePrinterMisuse
      accident without proof,          accident,   hardware, null, false, 24,   RuleHardwareAccident
      accident inside the period,      accident,   hardware, 1,    false, 24,   RuleHardwareAccident
      accident on a printer,           accident,   printer,  1,    false, 12,   RulePrinterAccident
      accident on a display,           accident,   display,  1,    false, 36,   RuleDisplayAccident
      accident on software,            accident,   software, 1,    false, 12,   RuleSoftwareAccident
      accident on another line,        accident,   network,  1,    false, 12,   RuleOtherAccident
      hardware without proof,          normal-use, hardware, null, false, 24,   RuleHardwareNoProofOfPurchase
      printer without proof,           normal-use, printer,  null, false, 12,   RulePrinterNoProofOfPurchase
      display without proof,           unknown,    display,  null, false, 36,   RuleDisplayNoProofOfPurchase
      software without proof,          normal-use, software, null, false, 12,   RuleSoftwareNoProofOfPurchase
      other line without proof,        normal-use, network,  null, false, 12,   RuleOtherNoProofOfPurchase
      """)
  void warrantyAtTheBoundaries(String situation, String damageCause, String productLine, Integer monthsSinceStart,
      boolean expectedInWarranty, int expectedWarrantyMonths, String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("damageCause", damageCause);
    variables.put("productLine", productLine);
    variables.put("monthsSinceStart", monthsSinceStart);

    DmnDecisionResultEntries answer = evaluate(variables, expectedRule);

    assertThat(answer.<Boolean>getEntry("inWarranty")).isEqualTo(expectedInWarranty);
    // every rule gives every output: getEntry of a missing one throws
    assertThat(answer.<Integer>getEntry("warrantyMonths")).isEqualTo(expectedWarrantyMonths);
    assertThat(answer.<String>getEntry("warrantyReason")).isNotBlank();
  }

  @Test
  void theReasonNamesThePeriod() {
    Map<String, Object> variables = new HashMap<>();
    variables.put("damageCause", "normal-use");
    variables.put("productLine", "display");
    variables.put("monthsSinceStart", 40);

    DmnDecisionResultEntries answer = evaluate(variables, "RuleDisplayExpired");

    assertThat(answer.<String>getEntry("warrantyReason")).isEqualTo("The 36-month warranty for display products has ended.");
  }

  @Test
  void monthsComputedAsLongAreAccepted() {
    // ChronoUnit.MONTHS.between answers a long
    Map<String, Object> variables = new HashMap<>();
    variables.put("damageCause", "normal-use");
    variables.put("productLine", "hardware");
    variables.put("monthsSinceStart", 23L);

    DmnDecisionResultEntries answer = evaluate(variables, "RuleHardwareInWarranty");

    assertThat(answer.<Boolean>getEntry("inWarranty")).isTrue();
  }

  private DmnDecisionResultEntries evaluate(Map<String, Object> variables, String expectedRule) {
    Instant evaluatedAt = EPOCH.plusSeconds(60 * EVALUATION.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));

    var result = decisionService.evaluateDecisionByKey("warranty").variables(variables).evaluate();

    assertThat(result).hasSize(1);
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("warranty").evaluatedAfter(Date.from(evaluatedAt))
        .evaluatedBefore(Date.from(evaluatedAt)).includeOutputs().singleResult();
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
        .containsOnly(expectedRule);
    return result.getSingleResult();
  }
}
