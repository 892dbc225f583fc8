package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The first-response deadline has passed: the breach is recorded on the case, the team
 * leads are told, and the open acknowledgement lands in their queue with high priority.
 */
@Component("escalateFirstResponseBreach")
public class EscalateFirstResponseBreach implements JavaDelegate {

  static final int ESCALATED_PRIORITY = 80;
  private static final Logger LOG = LoggerFactory.getLogger(EscalateFirstResponseBreach.class);

  private final CaseRecords records;
  private final CaseNotices notices;
  private final TaskService taskService;

  public EscalateFirstResponseBreach(CaseRecords records, CaseNotices notices, TaskService taskService) {
    this.records = records;
    this.notices = notices;
    this.taskService = taskService;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    records.firstResponse(caseNumber).breached(EngineTime.now());
    Task acknowledge = taskService.createTaskQuery()
        .processInstanceId(execution.getProcessInstanceId())
        .taskDefinitionKey(ServiceRequestVariables.ACKNOWLEDGE_CUSTOMER)
        .singleResult();
    if (acknowledge != null) {
      taskService.addCandidateGroup(acknowledge.getId(), StaffGroup.APPROVER_LEAD.id());
      taskService.setPriority(acknowledge.getId(), ESCALATED_PRIORITY);
    }
    notices.group(execution, StaffGroup.APPROVER_LEAD.id(), Notice.of("sla-breach"));
    LOG.warn("Case {}: first-response SLA breached", caseNumber);
  }
}
