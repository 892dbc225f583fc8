package org.aftersales.returns;

import org.aftersales.common.Variables;
import org.aftersales.integration.logistics.CaseShipments;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRequest;
import org.aftersales.integration.notification.CaseNotices;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** Sends the replacement unit; the case waits until it is delivered. */
@Component("shipReplacement")
public class ShipReplacement implements JavaDelegate {

  private final CaseShipments shipments;
  private final CaseNotices notices;

  public ShipReplacement(CaseShipments shipments, CaseNotices notices) {
    this.shipments = shipments;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String product = Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU);
    Shipment replacement = shipments.request(execution, ShipmentRequest.OUTBOUND,
        Variables.string(execution, ReturnVariables.RMA_NUMBER), "Replacement " + product);
    notices.customer(execution, Notice.of("return-replacement-shipped", "product", product,
        "trackingNumber", replacement.getTrackingNumber()));
  }
}
