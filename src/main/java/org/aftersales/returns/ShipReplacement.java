package org.aftersales.returns;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.logistics.Shipments;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the replacement unit; the case waits until it is delivered. */
@Component("shipReplacement")
public class ShipReplacement implements JavaDelegate {

  private final Shipments shipments;
  private final CaseNotices notices;

  public ShipReplacement(Shipments shipments, CaseNotices notices) {
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    Shipment replacement = shipments.request(new ShipmentRequest(caseNumber, "outbound",
        Variables.string(execution, ReturnVariables.RMA_NUMBER),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_CITY),
        "Replacement " + Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU)));
    execution.setVariable(ReturnVariables.TRACKING_NUMBER, replacement.getTrackingNumber());
    notices.customer(execution, "return-replacement-shipped", "your replacement is on its way",
        "Your replacement " + Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU)
            + " is on its way: shipment " + replacement.getTrackingNumber() + ".");
  }
}
