package org.aftersales.integration.logistics;

import static org.aftersales.integration.logistics.LogisticsVariables.CASE_NUMBER;
import static org.aftersales.integration.logistics.LogisticsVariables.CITY;
import static org.aftersales.integration.logistics.LogisticsVariables.CUSTOMER_NAME;
import static org.aftersales.integration.logistics.LogisticsVariables.DESK_PROCESS_KEY;
import static org.aftersales.integration.logistics.LogisticsVariables.ITEMS;
import static org.aftersales.integration.logistics.LogisticsVariables.RMA_NUMBER;
import static org.aftersales.integration.logistics.LogisticsVariables.SHIPMENT_KIND;
import static org.aftersales.integration.logistics.LogisticsVariables.TRACKING_NUMBER;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default logistics "system": each order is recorded in {@code logistics_request} and
 * becomes a task for the {@code logistics} group in Tasklist (process {@code logistics-desk}),
 * who report pick-up, arrival or delivery as the carrier would on {@code /api/events/logistics}.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.logistics.adapter", havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedLogisticsAdapter implements LogisticsPort {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedLogisticsAdapter.class);

  private final LogisticsRequestRepository requests;
  private final ShipmentRepository shipments;
  private final RuntimeService runtimeService;

  EmbeddedLogisticsAdapter(LogisticsRequestRepository requests, ShipmentRepository shipments,
      RuntimeService runtimeService) {
    this.requests = requests;
    this.shipments = shipments;
    this.runtimeService = runtimeService;
  }

  @Override
  @Transactional
  public void createShipment(ShipmentOrder order, String idempotencyKey) {
    if (requests.existsByIdempotencyKey(idempotencyKey)) {
      LOG.info("Logistics desk: request {} already received", idempotencyKey);
      return;
    }
    LogisticsRequest received = requests.save(new LogisticsRequest(idempotencyKey, order, Instant.now()));
    if (shipments.findByTrackingNumber(order.trackingNumber()).map(Shipment::isCompleted).orElse(false)) {
      // the carrier's answer came through the API before this request reached the desk
      LOG.info("Logistics desk: shipment {} is already {}; no desk task", order.trackingNumber(),
          shipments.findByTrackingNumber(order.trackingNumber()).get().getStatus());
      return;
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(TRACKING_NUMBER, order.trackingNumber());
    variables.put(CASE_NUMBER, order.caseNumber());
    variables.put(SHIPMENT_KIND, order.kind());
    variables.put(RMA_NUMBER, order.rmaNumber());
    variables.put(CUSTOMER_NAME, order.customerName());
    variables.put(CITY, order.city());
    variables.put(ITEMS, order.items());
    variables.put(LogisticsVariables.CURRENT_STATUS, Shipment.REQUESTED);
    String instanceId = runtimeService.startProcessInstanceByKey(DESK_PROCESS_KEY, order.caseNumber(), variables)
        .getId();
    received.workedIn(instanceId);
    LOG.info("Logistics desk: {} shipment {} is with the logistics group", order.kind(), order.trackingNumber());
  }

  @Override
  @Transactional
  public void cancelShipment(ShipmentOrder order, String idempotencyKey) {
    if (requests.existsByIdempotencyKey(idempotencyKey)) {
      LOG.info("Logistics desk: request {} already received", idempotencyKey);
      return;
    }
    requests.save(new LogisticsRequest(idempotencyKey, order, Instant.now()));
    for (ProcessInstance desk : runtimeService.createProcessInstanceQuery().processDefinitionKey(DESK_PROCESS_KEY)
        .processInstanceBusinessKey(order.caseNumber())
        .variableValueEquals(TRACKING_NUMBER, order.trackingNumber()).list()) {
      runtimeService.deleteProcessInstance(desk.getId(), "Shipment " + order.trackingNumber() + " cancelled");
    }
    LOG.info("Logistics desk: shipment {} cancelled", order.trackingNumber());
  }
}
