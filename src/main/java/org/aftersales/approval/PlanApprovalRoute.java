package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Turns the rows of {@code approval-routing} into the route of this round and starts at its first step. */
@Component("planApprovalRoute")
class PlanApprovalRoute implements JavaDelegate {

  private final ApprovalSteps steps;

  PlanApprovalRoute(ApprovalSteps steps) {
    this.steps = steps;
  }

  @Override
  @SuppressWarnings("unchecked")
  public void execute(DelegateExecution execution) {
    checkRequest(execution);
    Object rows = execution.getVariable(ROUTE_ROWS);
    List<RouteStep> route = steps.route(rows instanceof List<?> list ? (List<Map<String, Object>>) list : List.of());
    if (route.isEmpty()) {
      throw new IllegalStateException("approval-routing has no row for subject type "
          + execution.getVariable(SUBJECT_TYPE) + ", amount " + execution.getVariable(AMOUNT) + ", region "
          + execution.getVariable(REGION) + ", department " + execution.getVariable(DEPARTMENT));
    }
    execution.removeVariable(ROUTE_ROWS);
    boolean firstRound = execution.getVariable(ROUND) == null;
    execution.setVariable(ROUND, firstRound ? 1 : integer(execution, ROUND, 1) + 1);
    setRoute(execution, route);
    execution.setVariable(PLANNED_STEPS, route.size());
    execution.setVariable(STEP_INDEX, -1);
    execution.removeVariable(NEXT_STEP_INDEX);
    if (firstRound) {
      steps.records().record(steps.place(execution), string(execution, REQUESTER), ApprovalAction.SUBMITTED, null,
          string(execution, SUMMARY), null);
    }
  }

  private static void checkRequest(DelegateExecution execution) {
    String subjectType = string(execution, SUBJECT_TYPE);
    if (subjectType == null || !ApprovalSteps.SUBJECT_TYPES.contains(subjectType)) {
      throw new IllegalArgumentException("subjectType '" + subjectType
          + "' is not one of refund, return-exception, repair-quote, generic");
    }
    if (ApprovalSteps.text(execution.getVariable(REQUESTER)) == null) {
      throw new IllegalArgumentException("requester is missing");
    }
    BigDecimal amount;
    try {
      amount = amount(execution);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("amount '" + execution.getVariable(AMOUNT) + "' is not a number");
    }
    if (amount != null && amount.signum() < 0) {
      throw new IllegalArgumentException("amount must not be negative");
    }
  }
}
