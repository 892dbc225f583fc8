package org.aftersales.servicecase;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer what the step's {@code notificationKind} input says happened. Texts
 * written by staff in the task before (acknowledgement, explanation) are sent as written.
 */
@Component("notifyCustomer")
public class NotifyCustomer implements JavaDelegate {

  public static final String KIND = "notificationKind";

  private final Notifications notifications;

  public NotifyCustomer(Notifications notifications) {
    this.notifications = notifications;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = (String) execution.getVariableLocal(KIND);
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    String product = Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU);
    String subject;
    String message;
    switch (kind == null ? "" : kind) {
      case "acknowledgement" -> {
        subject = "We are on your request " + caseNumber;
        message = orDefault(execution, ServiceRequestVariables.ACKNOWLEDGEMENT_MESSAGE,
            "We have received your request and are working on it.");
      }
      case "consultation-answer" -> {
        subject = "Case " + caseNumber + ": our answer";
        message = orDefault(execution, "answer", "We have answered your question.");
      }
      case "bug-confirmed" -> {
        subject = "Case " + caseNumber + ": we confirmed a bug";
        message = "We reproduced the problem you reported with " + product + ". It is a bug in our product,"
            + " and our R&D team is fixing it. We will test the fix ourselves before we tell you it is solved.";
      }
      case "bug-explanation" -> {
        subject = "Case " + caseNumber + ": what we found";
        message = orDefault(execution, "explanation", "We looked into the problem you reported.");
      }
      case "bug-fixed" -> {
        Object fixVersion = execution.getVariable("fixVersion");
        subject = "Case " + caseNumber + ": the bug is fixed";
        message = "The bug you reported with " + product + " is fixed"
            + (fixVersion == null ? "" : " in version " + fixVersion) + "; we retested it and it works.";
      }
      default -> throw new IllegalStateException("Step " + execution.getCurrentActivityId()
          + " has no known notificationKind (" + kind + ")");
    }
    notifications.queue(new Notification(caseNumber, Notification.CUSTOMER,
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID), kind, subject, message),
        execution.getActivityInstanceId());
  }

  private static String orDefault(DelegateExecution execution, String variable, String fallback) {
    String text = Variables.string(execution, variable);
    return text == null || text.isBlank() ? fallback : text;
  }
}
