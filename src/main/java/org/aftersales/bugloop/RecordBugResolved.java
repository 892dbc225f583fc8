package org.aftersales.bugloop;

import org.aftersales.common.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The retest passed: the bug counts as resolved (bug resolution rate = fixed / confirmed). */
@Component("recordBugResolved")
public class RecordBugResolved implements JavaDelegate {

  private final BugTickets bugTickets;

  public RecordBugResolved(BugTickets bugTickets) {
    this.bugTickets = bugTickets;
  }

  @Override
  public void execute(DelegateExecution execution) {
    bugTickets.get(BugEscalationVariables.ticketKey(execution)).fixed(EngineTime.now());
  }
}
