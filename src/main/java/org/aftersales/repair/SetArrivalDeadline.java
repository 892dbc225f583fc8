package org.aftersales.repair;

import java.time.Duration;
import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.CaseSettings;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.CaseSlaRepository;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * The on-site arrival deadline from {@code sla-targets} (4 hours in tier-1 cities and
 * provincial capitals, 12 elsewhere), counted 7x24 on premium contracts and in business hours
 * otherwise, with a warning before it; recorded as the case's on-site arrival SLA.
 */
@Component("setArrivalDeadline")
public class SetArrivalDeadline implements JavaDelegate {

  private final RepairRules rules;
  private final ServiceHours serviceHours;
  private final CaseSettings settings;
  private final CaseSlaRepository slas;
  private final RepairOrders orders;
  private final RepairNotices notices;

  public SetArrivalDeadline(RepairRules rules, ServiceHours serviceHours, CaseSettings settings, CaseSlaRepository slas,
      RepairOrders orders, RepairNotices notices) {
    this.rules = rules;
    this.serviceHours = serviceHours;
    this.settings = settings;
    this.slas = slas;
    this.orders = orders;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    int minutes = rules.arrivalMinutes(execution.getVariable(ServiceRequestVariables.CITY_TIER),
        Variables.string(execution, ServiceRequestVariables.CONTRACT_LEVEL),
        Variables.string(execution, ServiceRequestVariables.PRIORITY));
    boolean aroundTheClock = ServiceRequestVariables.aroundTheClock(execution);
    Instant now = EngineTime.now();
    Instant due = serviceHours.deadline(now, Duration.ofMinutes(minutes), aroundTheClock);
    Instant warnAt = serviceHours.deadline(now,
        Duration.ofSeconds(Math.round(minutes * 60 * settings.slaWarningShare())), aroundTheClock);
    execution.setVariable(RepairVariables.ARRIVAL_DUE, EngineTime.toDate(due));
    execution.setVariable(RepairVariables.ARRIVAL_WARN_AT, EngineTime.toDate(warnAt));
    CaseSla sla = slas.findByCaseNumberAndKind(caseNumber, CaseSla.ON_SITE_ARRIVAL).orElse(null);
    if (sla == null) {
      slas.save(new CaseSla(caseNumber, CaseSla.ON_SITE_ARRIVAL, minutes, aroundTheClock, now, warnAt, due));
    }
    RepairOrder order = orders.of(caseNumber);
    order.modeConfirmed(RepairVariables.ON_SITE);
    order.onSiteDue(due);
    Notice coming = Notice.of("repair-on-site", "due", notices.local(due));
    notices.customer(execution, aroundTheClock ? coming : coming.variant("business-hours"));
  }
}
