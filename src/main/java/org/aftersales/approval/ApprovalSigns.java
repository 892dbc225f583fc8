package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** The multi-instance "Approve" task's collection and completion condition. */
@Component("approvalSigns")
public class ApprovalSigns {

  /** One entry per task: a user id, or several comma-separated users offered one task. */
  public List<String> slots(DelegateExecution execution) {
    String slots = string(execution, STEP_SLOTS);
    return slots == null ? List.of() : Arrays.stream(slots.split(";")).filter(s -> !s.isBlank()).toList();
  }

  /** Whether the step is decided; the task listener sets the outcome as decisions come in. */
  public boolean decided(DelegateExecution execution) {
    return execution.getVariable(STEP_OUTCOME) != null;
  }
}
