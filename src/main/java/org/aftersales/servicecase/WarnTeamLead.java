package org.aftersales.servicecase;

import java.time.format.DateTimeFormatter;
import org.aftersales.common.EngineTime;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The first response is at risk: the team leads hear of it before the deadline passes. */
@Component("warnTeamLead")
public class WarnTeamLead implements JavaDelegate {

  private final CaseRecords records;
  private final Notifications notifications;
  private final ServiceHours serviceHours;

  public WarnTeamLead(CaseRecords records, Notifications notifications, ServiceHours serviceHours) {
    this.records = records;
    this.notifications = notifications;
    this.serviceHours = serviceHours;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    CaseSla sla = records.firstResponse(caseNumber);
    sla.warned(EngineTime.now());
    String due = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(serviceHours.zone())
        .format(sla.getDeadline());
    notifications.queue(new Notification(caseNumber, Notification.GROUP, StaffGroup.APPROVER_LEAD.id(),
        "sla-warning", "Case " + caseNumber + ": first response due at " + due,
        "Nobody has acknowledged case " + caseNumber + " (" + execution.getVariable("customerName")
            + ") yet; the first response is due at " + due + "."), execution.getActivityInstanceId());
  }
}
