package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.math.BigDecimal;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** "Revise and resubmit": the requester revises amount and summary and resubmits, or gives up. */
@Component("revisionTaskListener")
class RevisionTaskListener implements TaskListener {

  private final ApprovalSteps steps;
  private final SystemAuthority system;

  RevisionTaskListener(ApprovalSteps steps, SystemAuthority system) {
    this.steps = steps;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    if (EVENTNAME_CREATE.equals(task.getEventName())) {
      ownFormField(task, REVISION);
      ownFormField(task, RESUBMIT);
      ownFormField(task, COMMENT);
      String summary = string(task, SUMMARY);
      String name = "Revise and resubmit" + (summary == null ? "" : ": " + summary);
      task.setName(name.length() > 250 ? name.substring(0, 250) : name);
      return;
    }
    if (!EVENTNAME_COMPLETE.equals(task.getEventName())) {
      return;
    }
    Boolean resubmit = resubmit(task);
    if (resubmit == null) {
      throw new ApprovalInputException(REVISION, "Choose resubmit or give up");
    }
    BigDecimal amount;
    try {
      amount = amount(task);
    } catch (NumberFormatException e) {
      throw new ApprovalInputException(AMOUNT, "Not a number");
    }
    if (amount != null && amount.signum() < 0) {
      throw new ApprovalInputException(AMOUNT, "Must not be negative");
    }
    if (resubmit && amount == null && recordedAmount(task)) {
      throw new ApprovalInputException(AMOUNT, "The route depends on the amount: give one");
    }
    task.getExecution().setVariable(RESUBMIT, resubmit);
    String actor = system.currentUserId() != null ? system.currentUserId() : task.getAssignee();
    steps.records().record(steps.place(task, task.getProcessInstanceId(), task.getExecution().getProcessBusinessKey()),
        actor, resubmit ? ApprovalAction.RESUBMITTED : ApprovalAction.ABANDONED, null,
        ApprovalSteps.text(formField(task, COMMENT)), task.getId());
  }

  /** Whether the request was submitted with an amount (the variable's history keeps it even when cleared). */
  private static boolean recordedAmount(DelegateTask task) {
    return !"generic".equals(string(task, SUBJECT_TYPE));
  }

  private static Boolean resubmit(DelegateTask task) {
    Object flag = formField(task, RESUBMIT);
    if (flag instanceof Boolean b) {
      return b;
    }
    Object revision = formField(task, REVISION);
    if ("resubmit".equals(revision)) {
      return true;
    }
    return "abandon".equals(revision) ? false : null;
  }
}
