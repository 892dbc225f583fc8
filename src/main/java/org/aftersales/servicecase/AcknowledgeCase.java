package org.aftersales.servicecase;

import java.time.Instant;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * On completing "Acknowledge customer": the person who acknowledged becomes the case's
 * owner, who answers for follow-up until it closes, and the first-response clock stops.
 */
@Component("acknowledgeCase")
public class AcknowledgeCase implements TaskListener {

  private static final Logger LOG = LoggerFactory.getLogger(AcknowledgeCase.class);

  private final CaseRecords records;
  private final SystemAuthority system;

  public AcknowledgeCase(CaseRecords records, SystemAuthority system) {
    this.records = records;
    this.system = system;
  }

  @Override
  public void notify(DelegateTask task) {
    String owner = task.getAssignee() != null ? task.getAssignee() : system.currentUserId();
    String caseNumber = ServiceRequestVariables.caseNumber(task);
    Instant now = EngineTime.now();
    ServiceRequestVariables.setCaseOwner(task.getExecution(), owner);
    records.get(caseNumber).acknowledged(owner, now);
    CaseSla sla = records.firstResponse(caseNumber);
    sla.stopped(now);
    LOG.info("Case {} acknowledged by {}: first response {} (deadline {})", caseNumber, owner, sla.getStatus(),
        sla.getDeadline());
  }
}
