package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The resolution summary goes on the case: the team's handbook is built from these. */
@Component("storeResolution")
public class StoreResolution implements JavaDelegate {

  private final CaseRecords records;

  public StoreResolution(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String summary = Variables.string(execution, ServiceRequestVariables.RESOLUTION_SUMMARY);
    if (summary == null || summary.isBlank()) {
      throw new IllegalStateException("Record resolution was completed without a resolution summary");
    }
    records.get(ServiceRequestVariables.caseNumber(execution)).resolved(summary.trim(), EngineTime.now());
  }
}
