package org.aftersales.repair;

import java.util.List;
import java.util.regex.Pattern;
import org.aftersales.common.EngineTime;
import org.aftersales.common.FormValues;
import org.aftersales.common.TaskInputException;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Record root cause and defect code": both are checked and kept with the order. */
@Component("recordRootCause")
public class RecordRootCause implements TaskListener {

  static final List<String> ROOT_CAUSES = List.of("component-failure", "design-defect", "manufacturing-defect",
      "software-defect", "wear", "misuse", "transport-damage", "installation", "unknown");
  static final Pattern DEFECT_CODE = Pattern.compile("^[A-Z]{2,4}-[0-9]{2,4}$");

  private final RepairOrders orders;

  public RecordRootCause(RepairOrders orders) {
    this.orders = orders;
  }

  @Override
  public void notify(DelegateTask task) {
    String rootCause = FormValues.oneOf(task, RepairVariables.ROOT_CAUSE, ROOT_CAUSES);
    String defectCode = FormValues.required(task, RepairVariables.DEFECT_CODE, "A defect code");
    if (!DEFECT_CODE.matcher(defectCode).matches()) {
      throw new TaskInputException(RepairVariables.DEFECT_CODE, "Must look like PWR-012 (2-4 capitals, dash, 2-4 digits)");
    }
    orders.of(ServiceRequestVariables.caseNumber(task)).closed(rootCause, defectCode, EngineTime.now());
  }
}
