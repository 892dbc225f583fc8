package org.aftersales.refund;

import org.aftersales.common.SystemAuthority;
import org.aftersales.common.TaskInputException;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * On completing "Prepare adjustment": the type needs its figures and a reason; whoever prepared
 * it is the approval's requester (who may not approve it).
 */
@Component("prepareAdjustment")
public class PrepareAdjustment implements TaskListener {

  private final SystemAuthority system;

  public PrepareAdjustment(SystemAuthority system) {
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    RefundVariables.input(task);
    AdjustmentRule.currency(Variables.string(task, RefundVariables.CURRENCY));
    String reason = Variables.string(task, RefundVariables.ADJUSTMENT_REASON);
    if (reason == null || reason.isBlank()) {
      throw new TaskInputException(RefundVariables.ADJUSTMENT_REASON, "The reason is required");
    }
    if (reason.length() > 2000) {
      throw new TaskInputException(RefundVariables.ADJUSTMENT_REASON, "At most 2000 characters");
    }
    String preparedBy = task.getAssignee() != null ? task.getAssignee() : system.currentUserId();
    task.setVariable(RefundVariables.ADJUSTMENT_PREPARED_BY,
        preparedBy != null ? preparedBy : Variables.string(task, ServiceRequestVariables.CASE_OWNER));
  }
}
