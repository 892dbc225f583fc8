package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Nobody decided the step in time: as its route row says, approve it, reject it, or hand
 * it to the next level (the next step; after the last step, the escalation group).
 */
@Component("applyTimeoutPolicy")
class ApplyTimeoutPolicy implements JavaDelegate {

  private final ApprovalSteps steps;

  ApplyTimeoutPolicy(ApprovalSteps steps) {
    this.steps = steps;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RouteStep step = currentStep(execution);
    String policy = step == null || step.onTimeout() == null ? RouteStep.ESCALATE : step.onTimeout();
    String why = "No decision within " + (step == null ? "the time limit" : step.timeoutAfter());
    var place = steps.place(execution);
    switch (policy) {
      case RouteStep.AUTO_APPROVE -> {
        steps.records().record(place, ApprovalRecords.SYSTEM, ApprovalAction.AUTO_APPROVED, null, why, null);
        execution.setVariable(STEP_OUTCOME, "approved");
        execution.setVariable(MAY_REVISE, false);
      }
      case RouteStep.AUTO_REJECT -> {
        steps.records().record(place, ApprovalRecords.SYSTEM, ApprovalAction.AUTO_REJECTED, null, why, null);
        execution.setVariable(STEP_OUTCOME, "rejected");
        execution.setVariable(LAST_REJECTION, why);
        execution.setVariable(MAY_REVISE, ApprovalSteps.mayRevise(step, integer(execution, ROUND, 1)));
      }
      default -> {
        List<RouteStep> route = new ArrayList<>(route(execution));
        int index = integer(execution, STEP_INDEX, route.size() - 1);
        String to;
        if (index >= route.size() - 1 && step != null) {
          route.add(step.escalatedTo(steps.settings().escalationGroup()));
          setRoute(execution, route);
          to = steps.settings().escalationGroup();
        } else {
          to = route.get(index + 1).stepName();
        }
        steps.records().record(place, ApprovalRecords.SYSTEM, ApprovalAction.ESCALATED, to, why, null);
        execution.setVariable(STEP_OUTCOME, "escalated");
        execution.setVariable(MAY_REVISE, false);
      }
    }
  }
}
