package org.aftersales.repair;

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

/** Each rule of the deployed repair-mode table (hit policy FIRST), and which rule answered. */
@ProcessScenarioTest
class RepairModeDecisionTest {

  // Each evaluation at its own engine time, so its history entry is found among other classes' ones.
  private static final AtomicLong EVALUATION = new AtomicLong();
  private static final Instant EPOCH = Instant.parse("2031-03-03T00:00:00Z");

  @Autowired DecisionService decisionService;
  @Autowired HistoryService historyService;

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @ParameterizedTest(name = "{0}/{1} -> {2} ({3})")
  @CsvSource(nullValues = "null", textBlock = """
      hardware, wear-part,      parts,   RuleWearPart
      display,  wear-part,      parts,   RuleWearPart
      printer,  installation,   on-site, RuleInstallation
      display,  installation,   on-site, RuleInstallation
      hardware, software-fault, on-site, RuleSoftwareFault
      printer,  software-fault, on-site, RuleSoftwareFault
      software, software-fault, on-site, RuleSoftwareFault
      software, unknown,        on-site, RuleSoftwareLine
      software, hardware-fault, on-site, RuleSoftwareLine
      display,  hardware-fault, depot,   RuleDisplayPrinterHardwareFault
      printer,  hardware-fault, depot,   RuleDisplayPrinterHardwareFault
      hardware, hardware-fault, on-site, RuleHardwareHardwareFault
      hardware, cosmetic,       depot,   RuleDefault
      hardware, unknown,        depot,   RuleDefault
      display,  cosmetic,       depot,   RuleDefault
      network,  hardware-fault, depot,   RuleDefault
      null,     hardware-fault, depot,   RuleDefault
      hardware, null,           depot,   RuleDefault
      """)
  void proposedRepairMode(String productLine, String faultType, String expectedMode, String expectedRule) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("productLine", productLine);
    variables.put("faultType", faultType);
    Instant evaluatedAt = EPOCH.plusSeconds(60 * EVALUATION.incrementAndGet());
    ClockUtil.setCurrentTime(Date.from(evaluatedAt));

    DmnDecisionResult result = decisionService.evaluateDecisionByKey("repair-mode").variables(variables).evaluate();

    assertThat(result).hasSize(1);
    assertThat(result.getSingleResult().<String>getEntry("proposedRepairMode")).isEqualTo(expectedMode);
    assertThat(result.getSingleResult().<String>getEntry("repairModeReason")).isNotBlank();
    HistoricDecisionInstance evaluation = historyService.createHistoricDecisionInstanceQuery()
        .decisionDefinitionKey("repair-mode").evaluatedAfter(Date.from(evaluatedAt))
        .evaluatedBefore(Date.from(evaluatedAt)).includeOutputs().singleResult();
    assertThat(evaluation.getOutputs()).extracting(HistoricDecisionOutputInstance::getRuleId)
        .containsOnly(expectedRule);
  }
}
