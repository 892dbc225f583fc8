package org.aftersales.returns;

import org.aftersales.common.Variables;
import org.aftersales.identity.StaffGroup;
import org.aftersales.integration.logistics.Shipments;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The returned unit never arrived: flagged as not recovered (counted in
 * {@code aftersales_units{status="not_recovered"}}), finance told, the pick-up cancelled, the customer told.
 */
@Component("flagReturnNotRecovered")
public class FlagReturnNotRecovered implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(FlagReturnNotRecovered.class);

  private final ReturnOrders orders;
  private final Shipments shipments;
  private final CaseNotices notices;

  public FlagReturnNotRecovered(ReturnOrders orders, Shipments shipments, CaseNotices notices) {
    this.orders = orders;
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    orders.of(caseNumber).getUnit().notRecovered();
    shipments.cancel(Variables.string(execution, ReturnVariables.TRACKING_NUMBER));
    String rma = Variables.string(execution, ReturnVariables.RMA_NUMBER);
    notices.group(execution, StaffGroup.FINANCE.id(), Notice.of("unit-not-recovered", "rma", rma).variant("return"));
    notices.customer(execution, Notice.of("return-unit-not-received", "rma", rma));
    LOG.warn("Case {}: returned unit not recovered (RMA {})", caseNumber, rma);
  }
}
