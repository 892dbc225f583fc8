package org.aftersales.servicecase;

import java.util.List;
import org.aftersales.common.FormValues;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Triage": the case takes the category the service desk chose (one the process knows). */
@Component("recordTriage")
public class RecordTriage implements TaskListener {

  /** The categories the process routes; the same as {@code NewCaseRequest} accepts at intake. */
  static final List<String> CATEGORIES = List.of("consultation", "bug", "repair", "return-exchange", "refund");

  private final CaseRecords records;

  public RecordTriage(CaseRecords records) {
    this.records = records;
  }

  @Override
  public void notify(DelegateTask task) {
    records.get(ServiceRequestVariables.caseNumber(task))
        .triaged(FormValues.oneOf(task, ServiceRequestVariables.CATEGORY, CATEGORIES));
  }
}
