package org.aftersales.repair;

import org.aftersales.integration.notification.Notice;
import static org.aftersales.repair.RepairVariables.DAMAGE_CAUSE;
import static org.aftersales.repair.RepairVariables.FAULT_TYPE;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import org.aftersales.common.EngineTime;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Asks the {@code warranty} decision with the whole months since delivery (else purchase),
 * the product line and the damage cause; tells the customer when the repair is free.
 */
@Component("checkWarranty")
public class CheckWarranty implements JavaDelegate {

  private final RepairRules rules;
  private final RepairOrders orders;
  private final RepairNotices notices;
  private final ServiceHours serviceHours;

  public CheckWarranty(RepairRules rules, RepairOrders orders, RepairNotices notices, ServiceHours serviceHours) {
    this.rules = rules;
    this.orders = orders;
    this.notices = notices;
    this.serviceHours = serviceHours;
  }

  @Override
  public void execute(DelegateExecution execution) {
    LocalDate start = RepairVariables.warrantyStart(execution, ServiceRequestVariables.PURCHASE_DATE);
    LocalDate today = EngineTime.now().atZone(serviceHours.zone()).toLocalDate();
    Integer months = start == null ? null : (int) Math.max(0, ChronoUnit.MONTHS.between(start, today));
    String damageCause = Variables.string(execution, DAMAGE_CAUSE);
    RepairRules.WarrantyOutcome outcome = rules.warranty(damageCause,
        Variables.string(execution, ServiceRequestVariables.PRODUCT_LINE), months);
    execution.setVariable(RepairVariables.IN_WARRANTY, outcome.inWarranty());
    execution.setVariable(RepairVariables.WARRANTY_MONTHS, outcome.warrantyMonths());
    execution.setVariable(RepairVariables.WARRANTY_REASON, outcome.reason());
    orders.of(ServiceRequestVariables.caseNumber(execution)).assessed(damageCause,
        Variables.string(execution, FAULT_TYPE), start, outcome.inWarranty(), outcome.reason());
    if (outcome.inWarranty()) {
      notices.customer(execution, Notice.of("repair-in-warranty", "warrantyReason", outcome.reason()));
    }
  }
}
