package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the customer to rate the service 1-5 and sets how long the case waits for it. */
@Component("askForFeedback")
public class AskForFeedback implements JavaDelegate {

  private final CaseSettings settings;
  private final Notifications notifications;

  public AskForFeedback(CaseSettings settings, Notifications notifications) {
    this.settings = settings;
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    ServiceRequestVariables.setFeedbackDeadline(execution, EngineTime.now().plus(settings.feedbackWait()));
    notifications.queue(new Notification(caseNumber, Notification.CUSTOMER,
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID), "survey",
        "How did we do on case " + caseNumber + "?",
        "Your case " + caseNumber + " is resolved: "
            + Variables.string(execution, ServiceRequestVariables.RESOLUTION_SUMMARY)
            + "\nPlease rate our service from 1 (poor) to 5 (excellent)."), execution.getActivityInstanceId());
  }
}
