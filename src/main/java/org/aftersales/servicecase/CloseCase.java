package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private final CaseRecords records;

  public CloseCase(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void execute(DelegateExecution execution) {
    records.get(ServiceRequestVariables.caseNumber(execution)).closed(EngineTime.now());
  }
}
