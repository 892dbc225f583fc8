package org.aftersales.integration.notification;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the customer and the teams hear at a case process's milestones, queued with the step's
 * state; one notification per kind and step (the step's activity instance makes the key).
 */
@Component
public class CaseNotices {

  private final Notifications notifications;

  public CaseNotices(Notifications notifications) {
    this.notifications = notifications;
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
}
