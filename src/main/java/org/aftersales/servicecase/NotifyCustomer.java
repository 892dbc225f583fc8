package org.aftersales.servicecase;

import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Tells the customer what the step's {@code notificationKind} input says happened. Texts
 * written by staff in the task before (acknowledgement, answer, explanation) are sent as written.
 */
@Component("notifyCustomer")
public class NotifyCustomer implements JavaDelegate {

  public static final String KIND = "notificationKind";

  private final CaseNotices notices;

  public NotifyCustomer(CaseNotices notices) {
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String kind = (String) execution.getVariableLocal(KIND);
    Notice notice = switch (kind == null ? "" : kind) {
      case "acknowledgement" -> written(execution, kind, ServiceRequestVariables.ACKNOWLEDGEMENT_MESSAGE);
      case "consultation-answer" -> written(execution, kind, "answer");
      case "bug-explanation" -> written(execution, kind, "explanation");
      case "bug-confirmed" -> Notice.of(kind);
      case "bug-fixed" -> {
        Object fixVersion = execution.getVariable("fixVersion");
        yield fixVersion == null ? Notice.of(kind).variant("no-version") : Notice.of(kind, "fixVersion", fixVersion);
      }
      default -> throw new IllegalStateException("Step " + execution.getCurrentActivityId()
          + " has no known notificationKind (" + kind + ")");
    };
    notices.customer(execution, notice);
  }

  /** The text staff wrote in {@code variable}; the kind's default text when they wrote none. */
  private static Notice written(DelegateExecution execution, String kind, String variable) {
    String text = Variables.string(execution, variable);
    return text == null || text.isBlank() ? Notice.of(kind).variant("default") : Notice.of(kind, "text", text);
  }
}
