package org.aftersales.refund;

import java.util.HashMap;
import java.util.Map;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The partial refund's rate, from DMN {@code refund-rate} (admins change it in Modeler; the
 * latest deployed version answers), evaluated as the system whoever completed the task.
 */
@Service
public class RefundRates {

  public record RefundRate(int percent, String reason) {
  }

  private final DecisionService decisions;
  private final SystemAuthority system;

  public RefundRates(DecisionService decisions, SystemAuthority system) {
    this.decisions = decisions;
    this.system = system;
  }

  public RefundRate rate(String unitCondition, String responsibility) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put(RefundVariables.UNIT_CONDITION, unitCondition);
    inputs.put(RefundVariables.RESPONSIBILITY, responsibility);
    DmnDecisionResultEntries result = system.call(() -> decisions.evaluateDecisionByKey(RefundVariables.DECISION_KEY)
        .variables(inputs).evaluate().getFirstResult());
    if (result == null || !(result.get(RefundVariables.REFUND_PERCENT) instanceof Number percent)) {
      throw new IllegalStateException("Decision " + RefundVariables.DECISION_KEY + " gave no refund rate for "
          + inputs);
    }
    return new RefundRate(percent.intValue(), (String) result.get(RefundVariables.REFUND_RATE_REASON));
  }
}
