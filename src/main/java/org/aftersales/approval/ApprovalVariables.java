package org.aftersales.approval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.Date;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.spin.plugin.variable.SpinValues;
import org.camunda.spin.plugin.variable.value.JsonValue;

/** Variable names of the {@code approval} process and typed access to them; BPMN ids the Java side uses. */
public final class ApprovalVariables {

  public static final String PROCESS_KEY = "approval";
  public static final String DECISION_KEY = "approval-routing";
  public static final String APPROVE_TASK = "ApproveStep";
  public static final String REVISE_TASK = "ReviseRequest";
  public static final String MESSAGE_WITHDRAWN = "ApprovalWithdrawn";
  public static final String MESSAGE_RETURNED = "ApprovalReturned";

  // in
  public static final String SUBJECT_TYPE = "subjectType";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String REQUESTER = "requester";
  public static final String DEPARTMENT = "department";
  public static final String REGION = "region";
  public static final String SUMMARY = "summary";
  // out
  public static final String OUTCOME = "approvalOutcome";
  public static final String DECISIONS = "approvalDecisions";
  // route and current step
  public static final String ROUTE_ROWS = "routeRows";
  public static final String ROUTE = "approvalRoute";
  public static final String ROUND = "round";
  public static final String PLANNED_STEPS = "plannedSteps";
  public static final String STEP_INDEX = "stepIndex";
  public static final String NEXT_STEP_INDEX = "nextStepIndex";
  public static final String STEP_NAME = "stepName";
  public static final String STEP_STATE = "stepState";
  public static final String STEP_SLOTS = "stepSlots";
  public static final String STEP_APPROVALS = "stepApprovals";
  public static final String STEP_REJECTIONS = "stepRejections";
  public static final String STEP_REMIND_AT = "stepRemindAt";
  public static final String STEP_TIMEOUT_AT = "stepTimeoutAt";
  public static final String STEP_OUTCOME = "stepOutcome";
  public static final String MAY_REVISE = "mayRevise";
  public static final String LAST_REJECTION = "lastRejectionComment";
  public static final String SLOT = "approverSlot";
  public static final String FINAL_OUTCOME = "finalOutcome";
  // task forms
  public static final String APPROVED = "approved";
  public static final String DECISION = "decision";
  public static final String COMMENT = "comment";
  public static final String RESUBMIT = "resubmit";
  public static final String REVISION = "revision";

  public static final String STATE_OPEN = "open";
  public static final String STATE_SKIPPED = "skipped";
  public static final String STATE_DONE = "done";

  private static final ObjectMapper JSON = new ObjectMapper();

  private ApprovalVariables() {
  }

  public static int integer(VariableScope scope, String name, int fallback) {
    Object value = scope.getVariable(name);
    return value instanceof Number n ? n.intValue() : fallback;
  }

  public static BigDecimal amount(VariableScope scope) {
    Object value = scope.getVariable(AMOUNT);
    if (value == null) {
      return null;
    }
    return value instanceof Number n ? new BigDecimal(n.toString()) : new BigDecimal(value.toString().trim());
  }

  public static List<RouteStep> route(VariableScope scope) {
    return routeOf(scope.getVariableTyped(ROUTE, false));
  }

  public static List<RouteStep> routeOf(TypedValue value) {
    if (value == null || value.getValue() == null && !(value instanceof JsonValue)) {
      return List.of();
    }
    String json;
    if (value instanceof JsonValue j) {
      // Written in this transaction, the value may not be serialized yet.
      json = j.isDeserialized() && j.getValue() != null ? j.getValue().toString() : j.getValueSerialized();
    } else {
      json = String.valueOf(value.getValue());
    }
    try {
      return JSON.readValue(json, new TypeReference<List<RouteStep>>() { });
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("Unreadable approval route", e);
    }
  }

  public static void setRoute(VariableScope scope, List<RouteStep> route) {
    scope.setVariable(ROUTE, json(route));
  }

  public static JsonValue json(Object value) {
    try {
      return SpinValues.jsonValue(JSON.writeValueAsString(value)).create();
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  public static RouteStep currentStep(VariableScope scope) {
    List<RouteStep> route = route(scope);
    int index = integer(scope, STEP_INDEX, -1);
    return index >= 0 && index < route.size() ? route.get(index) : null;
  }

  /**
   * Makes a form field belong to this task: Tasklist's submit sets it on the task, a plain
   * {@code complete} on the task's execution; both are created empty so neither spills over.
   */
  public static void ownFormField(org.camunda.bpm.engine.delegate.DelegateTask task, String name) {
    task.setVariableLocal(name, null);
    task.getExecution().setVariableLocal(name, null);
  }

  /** A form field as the task's completion sent it (see {@link #ownFormField}). */
  public static Object formField(org.camunda.bpm.engine.delegate.DelegateTask task, String name) {
    Object value = task.getVariableLocal(name);
    return value != null ? value : task.getExecution().getVariableLocal(name);
  }

  public static Date date(VariableScope scope, String name) {
    return scope.getVariable(name) instanceof Date d ? d : null;
  }
}
