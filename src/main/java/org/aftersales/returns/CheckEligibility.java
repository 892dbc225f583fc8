package org.aftersales.returns;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;
import org.aftersales.common.EngineTime;
import org.aftersales.common.FormValues;
import org.aftersales.common.SystemAuthority;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks DMN {@code return-eligibility} with the reason, the days since delivery (else since
 * purchase), the unit's condition and the customer's tier (premium contracts are premium).
 */
@Component("checkEligibility")
public class CheckEligibility implements JavaDelegate {

  private final DecisionService decisions;
  private final SystemAuthority system;
  private final ServiceHours serviceHours;
  private final ReturnOrders orders;

  public CheckEligibility(DecisionService decisions, SystemAuthority system, ServiceHours serviceHours,
      ReturnOrders orders) {
    this.decisions = decisions;
    this.system = system;
    this.serviceHours = serviceHours;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate delivery = FormValues.date(execution, ReturnVariables.DELIVERY_DATE);
    LocalDate start = delivery != null ? delivery : FormValues.date(execution, ServiceRequestVariables.PURCHASE_DATE);
    LocalDate today = EngineTime.now().atZone(serviceHours.zone()).toLocalDate();
    Integer days = start == null ? null : (int) Math.max(0, ChronoUnit.DAYS.between(start, today));
    String tier = ServiceRequestVariables.aroundTheClock(execution) ? "premium" : "standard";
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("returnReason", Variables.string(execution, ReturnVariables.RETURN_REASON));
    inputs.put("daysSinceDelivery", days);
    inputs.put("unitCondition", Variables.string(execution, ReturnVariables.UNIT_CONDITION));
    inputs.put("customerTier", tier);
    DmnDecisionResultEntries result = system.call(() -> decisions.evaluateDecisionByKey("return-eligibility")
        .variables(inputs).evaluate().getFirstResult());
    if (result == null) {
      throw new IllegalStateException("Decision return-eligibility has no rule for " + inputs);
    }
    String eligibility = (String) result.get("eligibility");
    String reason = (String) result.get("eligibilityReason");
    execution.setVariable(ReturnVariables.DAYS_SINCE_DELIVERY, days);
    execution.setVariable(ReturnVariables.CUSTOMER_TIER, tier);
    execution.setVariable(ReturnVariables.ELIGIBILITY, eligibility);
    execution.setVariable(ReturnVariables.ELIGIBILITY_REASON, reason);
    orders.of(ServiceRequestVariables.caseNumber(execution)).assessed(days, tier, eligibility, reason);
  }
}
