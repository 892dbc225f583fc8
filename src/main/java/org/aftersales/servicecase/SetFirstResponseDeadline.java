package org.aftersales.servicecase;

import java.time.Duration;
import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Turns the decision's target minutes into deadlines on the contract's clock (7x24 for
 * premium, business hours otherwise) and starts the case's first-response SLA record.
 */
@Component("setFirstResponseDeadline")
public class SetFirstResponseDeadline implements JavaDelegate {

  private final ServiceHours serviceHours;
  private final CaseSettings settings;
  private final CaseRecords records;

  public SetFirstResponseDeadline(ServiceHours serviceHours, CaseSettings settings, CaseRecords records) {
    this.serviceHours = serviceHours;
    this.settings = settings;
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    int minutes = ServiceRequestVariables.firstResponseMinutes(execution);
    boolean aroundTheClock = ServiceRequestVariables.aroundTheClock(execution);
    Instant now = EngineTime.now();
    Instant due = serviceHours.deadline(now, Duration.ofMinutes(minutes), aroundTheClock);
    Instant warnAt = serviceHours.deadline(now,
        Duration.ofSeconds(Math.round(minutes * 60 * settings.slaWarningShare())), aroundTheClock);
    ServiceRequestVariables.setFirstResponseDeadline(execution, warnAt, due);
    records.save(new CaseSla(ServiceRequestVariables.caseNumber(execution), CaseSla.FIRST_RESPONSE, minutes,
        aroundTheClock, now, warnAt, due));
  }
}
