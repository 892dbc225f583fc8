package org.aftersales.servicecase;

import org.aftersales.common.Variables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Triage": the case takes the category the service desk chose. */
@Component("recordTriage")
public class RecordTriage implements TaskListener {

  private final CaseRecords records;

  public RecordTriage(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    records.get(ServiceRequestVariables.caseNumber(task))
        .triaged(Variables.string(task, ServiceRequestVariables.CATEGORY));
  }
}
