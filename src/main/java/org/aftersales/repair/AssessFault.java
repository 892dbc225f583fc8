package org.aftersales.repair;

import static org.aftersales.repair.RepairVariables.DAMAGE_CAUSE;
import static org.aftersales.repair.RepairVariables.DELIVERY_DATE;
import static org.aftersales.repair.RepairVariables.FAULT_NOTES;
import static org.aftersales.repair.RepairVariables.FAULT_TYPE;

import java.time.LocalDate;
import java.util.List;
import org.aftersales.common.EngineTime;
import org.aftersales.common.FormValues;
import org.aftersales.common.TaskInputException;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Assess fault": the cause, fault type and dates are checked before the warranty is. */
@Component("assessFault")
public class AssessFault implements TaskListener {

  static final List<String> DAMAGE_CAUSES = List.of("normal-use", "misuse", "accident", "unknown");
  static final List<String> FAULT_TYPES =
      List.of("hardware-fault", "wear-part", "cosmetic", "installation", "software-fault", "unknown");

  private final ServiceHours serviceHours;

  public AssessFault(ServiceHours serviceHours) {
    this.serviceHours = serviceHours;
  }

  @Override
  public void notify(DelegateTask task) {
    FormValues.oneOf(task, DAMAGE_CAUSE, DAMAGE_CAUSES);
    FormValues.oneOf(task, FAULT_TYPE, FAULT_TYPES);
    FormValues.required(task, FAULT_NOTES, "What is wrong with the unit");
    LocalDate delivery = FormValues.date(task, DELIVERY_DATE);
    if (delivery != null && delivery.isAfter(EngineTime.now().atZone(serviceHours.zone()).toLocalDate())) {
      throw new TaskInputException(DELIVERY_DATE, "Must not be in the future");
    }
  }
}
