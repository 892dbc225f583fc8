package org.aftersales.repair;

import org.aftersales.common.EngineTime;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.CaseSlaRepository;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The arrival deadline passed: the breach is recorded, the leads are told, and the job (still
 * open: the escalation does not interrupt it) gets top priority. It stays with field service:
 * only a technician reports an arrival.
 */
@Component("escalateArrivalBreach")
public class EscalateArrivalBreach implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 80;
  private static final Logger LOG = LoggerFactory.getLogger(EscalateArrivalBreach.class);

  private final CaseSlaRepository slas;
  private final RepairNotices notices;
  private final TaskService taskService;

  public EscalateArrivalBreach(CaseSlaRepository slas, RepairNotices notices, TaskService taskService) {
    this.slas = slas;
    this.notices = notices;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    slas.findByCaseNumberAndKind(caseNumber, CaseSla.ON_SITE_ARRIVAL).orElseThrow().breached(EngineTime.now());
    Task job = taskService.createTaskQuery().processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(RepairVariables.ARRIVE_ON_SITE).singleResult();
    if (job != null) {
      taskService.setPriority(job.getId(), ESCALATED_PRIORITY);
    }
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(), Notice.of("arrival-breach"));
    LOG.warn("Case {}: on-site arrival SLA breached", caseNumber);
  }
}
