package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * An approver sent the approval back: the step the operation chose (the last one somebody
 * decided) runs again. The operation has recorded who returned it and why.
 */
@Component("returnToPreviousStep")
class ReturnToPreviousStep implements JavaDelegate {

  @Override
  public void execute(DelegateExecution execution) {
    int current = integer(execution, STEP_INDEX, 0);
    int target = integer(execution, NEXT_STEP_INDEX, current - 1);
    execution.setVariable(NEXT_STEP_INDEX, Math.max(0, Math.min(target, current)));
    execution.setVariable(STEP_OUTCOME, "returned");
    // A step added on a time-out belongs to that pass through the route, not to the next one.
    List<RouteStep> route = route(execution);
    int planned = integer(execution, PLANNED_STEPS, route.size());
    if (route.size() > planned) {
      setRoute(execution, new ArrayList<>(route.subList(0, planned)));
    }
  }
}
