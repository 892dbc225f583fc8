package org.aftersales.integration.rnd;

import org.aftersales.bugloop.RndEvent;
import org.aftersales.bugloop.RndEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The embedded R&D desk answers like an outside system would on {@code /api/events/rnd},
 * with this desk task's instance as the event id.
 */
@Component("reportTicketOutcome")
public class ReportTicketOutcome implements JavaDelegate {

  private final RndEvents events;

  public ReportTicketOutcome(RndEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    events.apply(new RndEvent(
        (String) execution.getVariable("ticketKey"),
        (String) execution.getVariable("ticketOutcome"),
        "rnd-desk:" + execution.getProcessInstanceId(),
        (String) execution.getVariable("fixVersion"),
        (String) execution.getVariable("rndComment")));
  }
}
