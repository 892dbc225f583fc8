package org.aftersales.integration.notification;

import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/**
 * What the customer and the teams hear at a case process's milestones, queued with the step's
 * state; one notification per kind and step (the step's activity instance makes the key). The
 * customer is told in the case's {@code customerLanguage} (given when the case was opened), else
 * in {@code aftersales.locale}; teams in {@code aftersales.locale}. Every text may use the case's
 * {@code caseNumber}, {@code customerName}, {@code customerCity} and {@code product} (its SKU).
 */
@Component
public class CaseNotices {

  private final Notifications notifications;
  private final Languages languages;

  public CaseNotices(Notifications notifications, Languages languages) {
    this.notifications = notifications;
    this.languages = languages;
  }

  public void customer(DelegateExecution execution, Notice notice) {
    notifications.queue(ServiceRequestVariables.caseNumber(execution), Notification.CUSTOMER,
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID), withCase(execution, notice),
        customerLanguage(execution), execution.getActivityInstanceId());
  }

  public void group(DelegateExecution execution, String group, Notice notice) {
    notifications.queue(ServiceRequestVariables.caseNumber(execution), Notification.GROUP, group,
        withCase(execution, notice), notifications.staffLanguage(), execution.getActivityInstanceId());
  }

  /** The language the case's customer reads. */
  public Language customerLanguage(DelegateExecution execution) {
    Language chosen = Language.of(Variables.string(execution, ServiceRequestVariables.CUSTOMER_LANGUAGE));
    return chosen != null ? chosen : languages.fallback();
  }

  private static Notice withCase(DelegateExecution execution, Notice notice) {
    Notice with = notice;
    with = orKeep(with, "caseNumber", ServiceRequestVariables.caseNumber(execution));
    with = orKeep(with, "customerName", Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME));
    with = orKeep(with, "customerCity", Variables.string(execution, ServiceRequestVariables.CUSTOMER_CITY));
    return orKeep(with, "product", Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU));
  }

  private static Notice orKeep(Notice notice, String name, String value) {
    return notice.values().containsKey(name) ? notice : notice.with(name, value);
  }
}
