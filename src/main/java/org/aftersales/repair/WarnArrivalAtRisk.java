package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.CaseSlaRepository;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Most of the arrival time has gone and nobody is on site: field service and the leads hear of it. */
@Component("warnArrivalAtRisk")
public class WarnArrivalAtRisk implements JavaDelegate {

  private final CaseSlaRepository slas;
  private final RepairNotices notices;

  public WarnArrivalAtRisk(CaseSlaRepository slas, RepairNotices notices) {
    this.slas = slas;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    CaseSla sla = slas.findByCaseNumberAndKind(ServiceRequestVariables.caseNumber(execution), CaseSla.ON_SITE_ARRIVAL)
        .orElseThrow();
    sla.warned(EngineTime.now());
    String due = notices.local(sla.getDeadline());
    notices.group(execution, StaffGroup.FIELD_SERVICE.id(), Notice.of("arrival-warning", "due", due));
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(), Notice.of("arrival-warning-lead", "due", due));
  }
}
