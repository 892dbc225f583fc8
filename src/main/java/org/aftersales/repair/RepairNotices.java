package org.aftersales.repair;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.springframework.stereotype.Component;

/** What the customer and the teams hear at the repair's milestones, with times in the service zone. */
@Component
public class RepairNotices {

  private final CaseNotices notices;
  private final ServiceHours serviceHours;

  public RepairNotices(CaseNotices notices, ServiceHours serviceHours) {
    this.notices = notices;
    this.serviceHours = serviceHours;
  }

  public void customer(DelegateExecution execution, Notice notice) {
    notices.customer(execution, notice);
  }

  public void group(DelegateExecution execution, String group, Notice notice) {
    notices.group(execution, group, notice);
  }

  /** A time as people in the service zone read it. */
  public String local(Instant at) {
    return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(serviceHours.zone()).format(at);
  }
}
