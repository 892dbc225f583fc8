package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.CaseSlaRepository;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/**
 * "Arrive on site": a technician claiming the task accepts the job (the customer hears who
 * is coming, once); completing it means they have arrived, which stops the arrival SLA clock.
 */
@Component("onSiteJob")
public class OnSiteJob implements TaskListener {

  private final RepairOrders orders;
  private final CaseSlaRepository slas;
  private final RepairNotices notices;

  public OnSiteJob(RepairOrders orders, CaseSlaRepository slas, RepairNotices notices) {
    this.orders = orders;
    this.slas = slas;
    this.notices = notices;
  }

  @Override
  public void notify(DelegateTask task) {
    String caseNumber = ServiceRequestVariables.caseNumber(task);
    RepairOrder order = orders.of(caseNumber);
    String technician = task.getAssignee();
    if (EVENTNAME_ASSIGNMENT.equals(task.getEventName())) {
      if (technician == null) {
        return;
      }
      boolean first = order.getJobAcceptedAt() == null;
      order.jobAccepted(technician, EngineTime.now());
      task.setVariable(RepairVariables.TECHNICIAN, technician);
      if (first) {
        notices.customer(task.getExecution(), Notice.of("repair-technician-assigned", "technician", technician,
            "due", notices.local(order.getArrivalDue())));
      }
      return;
    }
    if (technician == null) {
      throw new org.aftersales.common.TaskInputException("assignee", "Claim the job before reporting arrival");
    }
    order.arrived(technician, EngineTime.now());
    task.setVariable(RepairVariables.TECHNICIAN, technician);
    slas.findByCaseNumberAndKind(caseNumber, CaseSla.ON_SITE_ARRIVAL).ifPresent(sla -> sla.stopped(EngineTime.now()));
  }
}
