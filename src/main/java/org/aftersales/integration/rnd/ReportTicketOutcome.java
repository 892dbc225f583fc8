package org.aftersales.integration.rnd;

import org.aftersales.bugloop.RndEvent;
import org.aftersales.bugloop.RndEvents;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded R&D desk answers like an outside system would on {@code /api/events/rnd},
 * with this desk task's instance as the event id.
 */
@Component("reportTicketOutcome")
public class ReportTicketOutcome implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportTicketOutcome.class);

  private final RndEvents events;

  public ReportTicketOutcome(RndEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String ticketKey = (String) execution.getVariable("ticketKey");
    int round = ((Number) execution.getVariable("round")).intValue();
    if (!events.awaitsAnswer(ticketKey, round)) {
      // Answered another way meanwhile (a callback), or a desk task of an earlier round: too
      // late. Checked first, because a refusal inside the engine's transaction would roll
      // the desk task back.
      LOG.warn("R&D desk: ticket {} round {} was already answered; this answer is not applied", ticketKey, round);
      return;
    }
    events.apply(new RndEvent(ticketKey,
        (String) execution.getVariable("ticketOutcome"),
        "rnd-desk:" + execution.getProcessInstanceId(),
        (String) execution.getVariable("fixVersion"),
        (String) execution.getVariable("rndComment"),
        round));
  }
}
