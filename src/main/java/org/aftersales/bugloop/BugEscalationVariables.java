package org.aftersales.bugloop;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Variable names and BPMN ids of {@code bug-escalation}. */
public final class BugEscalationVariables {

  public static final String PROCESS_KEY = "bug-escalation";
  public static final String TICKET_RESOLVED_MESSAGE = "TicketResolved";
  public static final String TICKET_REJECTED_MESSAGE = "TicketRejected";

  public static final String REPRODUCIBLE = "reproducible";
  public static final String REPRODUCTION_STEPS = "reproductionSteps";
  public static final String TICKET_KEY = "ticketKey";
  public static final String REOPEN_COUNT = "reopenCount";
  public static final String RETEST_PASSED = "retestPassed";
  public static final String RETEST_NOTES = "retestNotes";
  public static final String EXPLANATION = "explanation";
  public static final String FIX_VERSION = "fixVersion";
  public static final String RND_COMMENT = "rndComment";

  private BugEscalationVariables() {
  }

  public static String ticketKey(VariableScope scope) {
    Object key = scope.getVariable(TICKET_KEY);
    if (key == null) {
      throw new IllegalStateException("No R&D ticket key on this bug escalation");
    }
    return key.toString();
  }
}
