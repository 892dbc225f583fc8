package org.aftersales.repair;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the customer and the teams hear at the repair's milestones, queued with the step's state. */
@Component
public class RepairNotices {

  private final Notifications notifications;
  private final ServiceHours serviceHours;

  public RepairNotices(Notifications notifications, ServiceHours serviceHours) {
    this.notifications = notifications;
    this.serviceHours = serviceHours;
  }

  public void customer(DelegateExecution execution, String kind, String subject, String message) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    notifications.queue(new Notification(caseNumber, Notification.CUSTOMER,
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID), kind, "Case " + caseNumber + ": " + subject,
        message), execution.getActivityInstanceId());
  }

  public void group(DelegateExecution execution, String group, String kind, String subject, String message) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    notifications.queue(new Notification(caseNumber, Notification.GROUP, group, kind,
        "Case " + caseNumber + ": " + subject, message), execution.getActivityInstanceId());
  }

  /** A time as people in the service zone read it. */
  public String local(Instant at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(serviceHours.zone()).format(at);
  }
}
