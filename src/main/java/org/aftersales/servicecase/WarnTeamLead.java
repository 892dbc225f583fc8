package org.aftersales.servicecase;

import java.time.format.DateTimeFormatter;
import org.aftersales.common.EngineTime;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first response is at risk: the team leads hear of it before the deadline passes. */
@Component("warnTeamLead")
public class WarnTeamLead implements JavaDelegate {

  private final CaseRecords records;
  private final CaseNotices notices;
  private final ServiceHours serviceHours;

  public WarnTeamLead(CaseRecords records, CaseNotices notices, ServiceHours serviceHours) {
    this.records = records;
    this.notices = notices;
    this.serviceHours = serviceHours;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    CaseSla sla = records.firstResponse(caseNumber);
    sla.warned(EngineTime.now());
    String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(serviceHours.zone())
        .format(sla.getDeadline());
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(), Notice.of("sla-warning", "due", due));
  }
}
