package org.aftersales.integration;

import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.context.BpmnExecutionContext;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded desks (logistics, finance, R&D stand-ins in Tasklist) stop asking once the answer
 * came another way: a carrier or finance system posted it to our API. The desk that reports the
 * answer itself is left to finish on its own.
 */
@Component
public class EmbeddedDesks {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedDesks.class);

  private final RuntimeService runtimeService;
  private final SystemAuthority system;

  public EmbeddedDesks(RuntimeService runtimeService, SystemAuthority system) {
    this.runtimeService = runtimeService;
    this.system = system;
  }

  /** Ends the running desks of {@code deskProcessKey} for this case and reference, but the one reporting now. */
  public void answered(String deskProcessKey, String caseNumber, String referenceVariable, String reference) {
    BpmnExecutionContext reporting = Context.getBpmnExecutionContext();
    String reportingInstance = reporting == null ? null : reporting.getExecution().getProcessInstanceId();
    system.run(() -> {
      for (ProcessInstance desk : runtimeService.createProcessInstanceQuery().processDefinitionKey(deskProcessKey)
          .processInstanceBusinessKey(caseNumber).variableValueEquals(referenceVariable, reference).list()) {
        if (!desk.getId().equals(reportingInstance)) {
          runtimeService.deleteProcessInstance(desk.getId(), reference + " answered outside the desk");
          LOG.info("Case {}: {} for {} closed, answered outside the desk", caseNumber, deskProcessKey, reference);
        }
      }
    });
  }
}
