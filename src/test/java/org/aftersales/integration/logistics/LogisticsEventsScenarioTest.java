package org.aftersales.integration.logistics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** The carrier's events as {@code /api/events/logistics} hands them to {@link LogisticsEvents}, and the embedded desk. */
@ProcessScenarioTest
class LogisticsEventsScenarioTest {

  private static final Instant ARRIVED = Instant.parse("2026-11-24T03:15:00Z");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired Shipments shipments;
  @Autowired LogisticsEvents events;
  @Autowired OutboxRepository outbox;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired LogisticsRequestRepository deskRequests;
  @Autowired LogisticsPort port;

  private WaitingCases cases;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    cases = new WaitingCases(engine.getRepositoryService(), runtimeService);
  }

  @Test
  void shipmentsGetTheCasesTrackingNumbersAndOneOutboxMessageEach() {
    String caseNumber = WaitingCases.newCaseNumber();
    Shipment pickUp = shipments.request(pickUp(caseNumber));
    Shipment back = shipments.request(new ShipmentRequest(caseNumber, ShipmentRequest.OUTBOUND, "RMA-x", "C-1",
        "Acme", "Beijing", "repaired unit"));

    String number = caseNumber.substring(3);
    assertThat(pickUp.getTrackingNumber()).isEqualTo("SHP-" + number + "-1");
    assertThat(back.getTrackingNumber()).isEqualTo("SHP-" + number + "-2");
    assertThat(pickUp.getStatus()).isEqualTo(Shipment.REQUESTED);
    assertThat(shipments.ofCase(caseNumber)).extracting(Shipment::getTrackingNumber)
        .containsExactly(pickUp.getTrackingNumber(), back.getTrackingNumber());
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).extracting(OutboxMessage::getIdempotencyKey)
        .containsExactly("logistics:" + pickUp.getTrackingNumber(), "logistics:" + back.getTrackingNumber());
    assertThatThrownBy(() -> shipments.request(new ShipmentRequest(caseNumber, "teleport", null, null, null, null,
        null))).isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void eventForAnUnknownShipmentIsNotFound() {
    assertThatThrownBy(() -> events.apply(new LogisticsEvent("SHP-1999-999999-1", "received", "x", null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("No shipment SHP-1999-999999-1");
        });
  }

  @Test
  void receivedPickUpReachesTheCaseOnceAndRepeatsChangeNothing() {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();
    ProcessInstance repair = cases.waitFor("UnitReceived", caseNumber, "trackingNumber", tn);

    assertThat(events.apply(new LogisticsEvent(tn, "picked-up", "carrier-1", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(repair).isWaitingAt("AwaitUnitReceived");
    LogisticsEvent received = new LogisticsEvent(tn, "received", "carrier-2", ARRIVED, "box dented");
    assertThat(events.apply(received)).isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(events.apply(received)).isEqualTo(LogisticsEvents.Outcome.DUPLICATE);
    // the same news again under another event id: the shipment's state recognises it
    assertThat(events.apply(new LogisticsEvent(tn, "received", "carrier-3", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.DUPLICATE);
    // news older than what we know: late, nothing changes
    assertThat(events.apply(new LogisticsEvent(tn, "picked-up", "carrier-0", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.LATE);

    assertThat(repair).isWaitingAt("AfterUnitReceived").variables()
        .containsEntry("unitReceivedAt", ARRIVED.toString());
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(repair.getId())
        .activityId("AwaitUnitReceived").count()).isEqualTo(1);
    Shipment shipment = shipments.find(tn).orElseThrow();
    assertThat(shipment.getStatus()).isEqualTo(Shipment.RECEIVED);
    assertThat(shipment.getReceivedAt()).isEqualTo(ARRIVED);
    assertThat(shipment.getPickedUpAt()).isNotNull();
    assertThat(shipment.getCarrierNote()).isEqualTo("box dented");
    // a late event's id is not kept: it was stored nowhere
    assertThat(events.apply(new LogisticsEvent(tn, "picked-up", "carrier-0", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.LATE);
  }

  @Test
  void deliveredOutboundShipmentReachesTheCase() {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(new ShipmentRequest(caseNumber, ShipmentRequest.PARTS, null, "C-1", "Acme",
        "Beijing", "fuser unit")).getTrackingNumber();
    ProcessInstance repair = cases.waitFor("ShipmentDelivered", caseNumber, "trackingNumber", tn);

    assertThat(events.apply(new LogisticsEvent(tn, "delivered", null, ARRIVED, null)))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(events.apply(new LogisticsEvent(tn, "delivered", null, null, null)))
        .isEqualTo(LogisticsEvents.Outcome.DUPLICATE);

    assertThat(repair).isWaitingAt("AfterShipmentDelivered").variables()
        .containsEntry("deliveredAt", ARRIVED.toString());
    assertThat(shipments.find(tn).orElseThrow().getStatus()).isEqualTo(Shipment.DELIVERED);
  }

  @Test
  void statusThatDoesNotFitTheShipmentIsAConflictAndChangesNothing() {
    String caseNumber = WaitingCases.newCaseNumber();
    String pickUp = shipments.request(pickUp(caseNumber)).getTrackingNumber();
    String outbound = shipments.request(new ShipmentRequest(caseNumber, ShipmentRequest.OUTBOUND, null, "C-1",
        "Acme", "Beijing", "unit")).getTrackingNumber();
    ProcessInstance repair = cases.waitFor("UnitReceived", caseNumber, "trackingNumber", pickUp);

    assertConflict(new LogisticsEvent(pickUp, "delivered", "c-1", null, null), "is a pick-up");
    assertConflict(new LogisticsEvent(outbound, "received", "c-2", null, null), "delivered to the customer");

    assertThat(repair).isWaitingAt("AwaitUnitReceived");
    assertThat(shipments.find(pickUp).orElseThrow().getStatus()).isEqualTo(Shipment.REQUESTED);
    assertThat(shipments.find(outbound).orElseThrow().getStatus()).isEqualTo(Shipment.REQUESTED);
  }

  @Test
  void arrivalTheCaseIsNotWaitingForIsAConflictAndChangesNothing() {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();

    assertConflict(new LogisticsEvent(tn, "received", "early-1", ARRIVED, null), "is not waiting");
    assertThat(shipments.find(tn).orElseThrow().getStatus()).isEqualTo(Shipment.REQUESTED);
    assertThat(events.refusal(tn, "received")).hasValueSatisfying(r -> assertThat(r.wrongStatus()).isFalse());

    // the refused event's id was not taken: once the case waits, the same event is applied
    ProcessInstance repair = cases.waitFor("UnitReceived", caseNumber, "trackingNumber", tn);
    assertThat(events.apply(new LogisticsEvent(tn, "received", "early-1", ARRIVED, null)))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(repair).isWaitingAt("AfterUnitReceived");
  }

  @Test
  void cancelledShipmentTakesNoMoreEventsAndIsCancelledOnce() {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();
    cases.waitFor("UnitReceived", caseNumber, "trackingNumber", tn);

    assertThat(shipments.cancel(tn).getStatus()).isEqualTo(Shipment.CANCELLED);
    assertThat(shipments.cancel(tn).getStatus()).isEqualTo(Shipment.CANCELLED);

    assertConflict(new LogisticsEvent(tn, "received", null, null, null), "was cancelled");
    assertConflict(new LogisticsEvent(tn, "picked-up", null, null, null), "was cancelled");
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).extracting(OutboxMessage::getIdempotencyKey)
        .containsExactly("logistics:" + tn, "logistics-cancel:" + tn);
  }

  @Test
  void carrierProblemIsRecordedWithoutChangingTheStatus() {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();

    assertThat(events.apply(new LogisticsEvent(tn, "exception", "p-1", null, "customer not at home")))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(events.apply(new LogisticsEvent(tn, "exception", "p-1", null, "customer not at home")))
        .isEqualTo(LogisticsEvents.Outcome.DUPLICATE);

    Shipment shipment = shipments.find(tn).orElseThrow();
    assertThat(shipment.getStatus()).isEqualTo(Shipment.REQUESTED);
    assertThat(shipment.getCarrierNote()).isEqualTo("customer not at home");
  }

  @Test
  void badEventIsABadRequestNamingTheFields() {
    String tn = shipments.request(pickUp(WaitingCases.newCaseNumber())).getTrackingNumber();

    assertThatThrownBy(() -> events.apply(new LogisticsEvent(tn, "lost", "bad-1", null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).containsExactly(
              new FieldProblem("status", "must be one of picked-up, received, delivered, exception"));
        });
    assertThatThrownBy(() -> events.apply(new LogisticsEvent(" ", null, "x".repeat(101), null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).extracting(FieldProblem::field).containsExactly("eventId", "status", "trackingNumber");
        });
    assertThatThrownBy(() -> events.apply(null))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST));
    assertThat(shipments.find(tn).orElseThrow().getStatus()).isEqualTo(Shipment.REQUESTED);
  }

  @Test
  void embeddedDeskReportsThePickUpUntilTheUnitIsReceived() throws Exception {
    String caseNumber = WaitingCases.newCaseNumber();
    Shipment shipment = shipments.request(pickUp(caseNumber));
    String tn = shipment.getTrackingNumber();
    ProcessInstance repair = cases.waitFor("UnitReceived", caseNumber, "trackingNumber", tn);

    dispatcher.dispatchDue();
    // the same order delivered again (an acknowledgement lost): still one desk
    port.createShipment(ShipmentOrder.of(ShipmentOrder.CREATE, shipment), "logistics:" + tn);
    assertThat(deskRequests.findByTrackingNumberOrderById(tn)).hasSize(1);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("logistics-desk")
        .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);
    ProcessInstance desk = runtimeService.createProcessInstanceQuery().processDefinitionKey("logistics-desk")
        .processInstanceBusinessKey(caseNumber).singleResult();

    Task task = deskTask(desk);
    assertThat(task.getName()).isEqualTo("Report shipment " + tn + " of " + caseNumber);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("logistics"));
    complete(task, Map.of("shipmentStatus", "delivered"));
    // a pick-up is received, not delivered: the task comes back with the reason
    assertThat(desk).isWaitingAt("ReportShipment").variables()
        .containsEntry("currentStatus", Shipment.REQUESTED)
        .hasEntrySatisfying("reportProblem", problem -> assertThat((String) problem).contains("is a pick-up"));

    complete(deskTask(desk), Map.of("shipmentStatus", "picked-up", "carrierNote", "with courier"));
    assertThat(desk).isWaitingAt("ReportShipment").variables()
        .containsEntry("currentStatus", Shipment.PICKED_UP).doesNotContainKey("shipmentStatus");
    assertThat(repair).isWaitingAt("AwaitUnitReceived");

    complete(deskTask(desk), Map.of("shipmentStatus", "received"));
    assertThat(desk).isEnded();
    assertThat(repair).isWaitingAt("AfterUnitReceived");
    assertThat(shipments.find(tn).orElseThrow().getStatus()).isEqualTo(Shipment.RECEIVED);
    assertThat(shipments.find(tn).orElseThrow().getCarrierNote()).isEqualTo("with courier");
  }

  @Test
  void cancellingAShipmentEndsItsDesk() throws Exception {
    String caseNumber = WaitingCases.newCaseNumber();
    Shipment shipment = shipments.request(pickUp(caseNumber));
    dispatcher.dispatchDue();
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("logistics-desk")
        .processInstanceBusinessKey(caseNumber).count()).isEqualTo(1);

    shipments.cancel(shipment.getTrackingNumber());
    dispatcher.dispatchDue();

    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("logistics-desk")
        .processInstanceBusinessKey(caseNumber).count()).isZero();
    assertThat(deskRequests.findByTrackingNumberOrderById(shipment.getTrackingNumber()))
        .extracting(LogisticsRequest::getAction).containsExactly("create", "cancel");
  }

  private Task deskTask(ProcessInstance desk) {
    return taskService.createTaskQuery().processInstanceId(desk.getId()).taskDefinitionKey("ReportShipment")
        .singleResult();
  }

  private void complete(Task task, Map<String, Object> variables) {
    taskService.claim(task.getId(), "lena");
    taskService.complete(task.getId(), variables);
  }

  private void assertConflict(LogisticsEvent event, String reason) {
    assertThatThrownBy(() -> events.apply(event))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.getMessage()).contains(event.trackingNumber(), reason);
        });
  }

  private static ShipmentRequest pickUp(String caseNumber) {
    return new ShipmentRequest(caseNumber, ShipmentRequest.PICK_UP, "RMA-" + caseNumber.substring(3), "C-1001",
        "Acme Film Studio", "Beijing", "printer, serial SN-1");
  }
}
