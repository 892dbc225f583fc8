package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Asks the customer to rate the service 1-5 and sets how long the case waits for it. */
@Component("askForFeedback")
public class AskForFeedback implements JavaDelegate {

  private final CaseSettings settings;
  private final CaseNotices notices;

  public AskForFeedback(CaseSettings settings, CaseNotices notices) {
    this.settings = settings;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    ServiceRequestVariables.setFeedbackDeadline(execution, EngineTime.now().plus(settings.feedbackWait()));
    notices.customer(execution, Notice.of("survey", "resolutionSummary",
        String.valueOf(Variables.string(execution, ServiceRequestVariables.RESOLUTION_SUMMARY))));
  }
}
