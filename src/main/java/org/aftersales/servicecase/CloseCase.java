package org.aftersales.servicecase;

import org.aftersales.common.EngineTime;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

@Component("closeCase")
public class CloseCase implements JavaDelegate {

  private final CaseRecords records;
  private final CaseHistoryRetention retention;

  public CloseCase(CaseRecords records, CaseHistoryRetention retention) {
    this.records = records;
    this.retention = retention;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    records.get(caseNumber).closed(EngineTime.now());
    retention.caseClosing(caseNumber, EngineTime.now());
  }
}
