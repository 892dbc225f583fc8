package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipments;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The unit never arrived: it is flagged as not recovered (finance is told: an unrecovered
 * unit affects their books), the pick-up is cancelled and the customer told.
 */
@Component("flagUnitNotRecovered")
public class FlagUnitNotRecovered implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(FlagUnitNotRecovered.class);

  private final RepairOrders orders;
  private final Shipments shipments;
  private final RepairNotices notices;

  public FlagUnitNotRecovered(RepairOrders orders, Shipments shipments, RepairNotices notices) {
    this.orders = orders;
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    orders.of(caseNumber).getUnit().notRecovered();
    String tracking = Variables.string(execution, RepairVariables.TRACKING_NUMBER);
    shipments.cancel(tracking);
    String rma = Variables.string(execution, RepairVariables.RMA_NUMBER);
    notices.group(execution, StaffGroup.FINANCE.id(),
        Notice.of("unit-not-recovered", "unit", CaseShipments.unit(execution), "rma", rma));
    notices.customer(execution, Notice.of("repair-unit-not-received", "rma", rma));
    LOG.warn("Case {}: unit not recovered (RMA {})", caseNumber, rma);
  }
}
