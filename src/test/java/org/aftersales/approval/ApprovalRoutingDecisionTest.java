package org.aftersales.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.variable.Variables;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The deployed approval-routing table at its thresholds. Amount ranges include their lower
 * bound and exclude their upper bound: 5,000.00 is in the "from 5,000" tier, 4,999.99 is not.
 */
@ProcessScenarioTest
class ApprovalRoutingDecisionTest {

  @Autowired DecisionService decisionService;
  @Autowired ApprovalSteps steps;

  @ParameterizedTest(name = "{0} {1} {2}/{3} -> {4}")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      refund           | 0        | east     | service | Team lead approval:single
      refund           | 4999.99  | east     | service | Team lead approval:single
      refund           | 5000     | east     | service | Team lead approval:single, Manager approval:any
      refund           | 49999.99 | east     | service | Team lead approval:single, Manager approval:any
      refund           | 50000    | east     | service | Team lead approval:single, Manager approval:any, Directors' countersign:all
      return-exception | 19999.99 | east     | service | Team lead approval:single
      return-exception | 20000    | east     | service | Team lead approval:single, Managers' vote (2/3):ratio
      return-exception | 100      | overseas | service | Team lead approval:single, Director approval:single
      repair-quote     | 9999.99  | east     | service | Manager of the requester:single
      repair-quote     | 10000    | east     | service | Manager of the requester:single, Manager approval:single
      generic          | 100      | east     | service | Team lead approval:single
      generic          | 100      | east     | finance | Team lead approval:single, Director approval:any
      """)
  void routeAtTheThresholds(String subjectType, double amount, String region, String department, String expected) {
    DmnDecisionResult result = decisionService.evaluateDecisionByKey("approval-routing")
        .variables(Variables.createVariables().putValue("subjectType", subjectType).putValue("amount", amount)
            .putValue("region", region).putValue("department", department))
        .evaluate();
    List<Map<String, Object>> rows = result.getResultList();
    List<String> route = steps.route(rows).stream().map(s -> s.stepName() + ":" + s.signMode()).toList();

    assertThat(String.join(", ", route)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      small refunds approve themselves after a day | refund           | 100   | PT4H | PT24H | auto-approve
      a manager not deciding in two days escalates | refund           | 5000  | PT8H | P2D   | escalate
      the ratio vote rejects after three days      | return-exception | 20000 | P1D  | P3D   | auto-reject
      """)
  void timeoutPolicyOfTheLastStep(String what, String subjectType, double amount, String remind, String timeout,
      String onTimeout) {
    var rows = decisionService.evaluateDecisionByKey("approval-routing")
        .variables(Variables.createVariables().putValue("subjectType", subjectType).putValue("amount", amount)
            .putValue("region", "east").putValue("department", "service"))
        .evaluate().getResultList();
    RouteStep last = steps.route(rows).get(steps.route(rows).size() - 1);

    assertThat(last.remindAfter()).isEqualTo(remind);
    assertThat(last.timeoutAfter()).isEqualTo(timeout);
    assertThat(last.onTimeout()).isEqualTo(onTimeout);
  }
}
