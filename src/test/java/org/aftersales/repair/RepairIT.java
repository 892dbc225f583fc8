package org.aftersales.repair;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostingRepository;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRepository;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.CaseTasks;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * A paid depot repair end to end on PostgreSQL with the real job executor, outbox and embedded
 * desks: the quote answered through {@code /api/cases/{caseNumber}/quote-decision}, the invoice
 * settled by a finance user in Tasklist, the unit's arrival posted to {@code /api/events/logistics},
 * the way back reported by a logistics user in Tasklist.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RepairIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired RepairOrderRepository orders;
  @Autowired ShipmentRepository shipments;
  @Autowired FinancePostingRepository postings;

  Http http;
  CaseTasks tasks;
  String desk;
  String engineer;
  String qa;
  String finance;
  String logistics;
  String rnd;

  @BeforeAll
  void users() {
    http = new Http(port);
    tasks = new CaseTasks(taskService);
    desk = TestUsers.ensure(identityService, "rep-desk", "customer-service");
    engineer = TestUsers.ensure(identityService, "rep-engineer", "after-sales");
    qa = TestUsers.ensure(identityService, "rep-qa", "qa");
    finance = TestUsers.ensure(identityService, "rep-finance", "finance");
    logistics = TestUsers.ensure(identityService, "rep-logistics", "logistics");
    rnd = TestUsers.ensure(identityService, "rep-rnd", "rnd");
  }

  @Test
  void paidDepotRepairRunsEndToEndThroughTheApiTheOutboxAndTheEmbeddedDesks() throws Exception {
    String caseNumber = openRepairCase();
    tasks.complete(caseNumber, "AcknowledgeCustomer", desk, Map.of("acknowledgementMessage", "We repair it"));
    tasks.complete(caseNumber, "TriageCase", desk, Map.of("category", "repair"));
    tasks.complete(caseNumber, "AssessFault", engineer,
        Map.of("damageCause", "normal-use", "faultType", "hardware-fault",
        "faultNotes", "No picture", "deliveryDate", "2020-01-15"));

    // the quote is not sent yet
    assertThat(decide(caseNumber, "{\"accepted\": true}", desk).statusCode()).isEqualTo(409);
    tasks.complete(caseNumber, "PrepareQuote", engineer, Map.of("quoteListPrice", 480.5, "quoteDiscountPercent", 0,
        "quoteCurrency", "CNY", "quoteDetails", "New panel driver"));
    tasks.await(caseNumber, "RecordQuoteAnswer");

    HttpResponse<String> bad = decide(caseNumber, "{\"note\": \"no answer given\"}", desk);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("accepted").doesNotContain("Exception");
    assertThat(decide(caseNumber, "{\"accepted\": true}", rnd).statusCode()).isEqualTo(403);
    assertThat(decide("AS-1999-000001", "{\"accepted\": true}", desk).statusCode()).isEqualTo(404);
    HttpResponse<String> accepted = decide(caseNumber, "{\"accepted\": true, \"note\": \"by phone\"}", desk);
    assertThat(accepted.statusCode()).isEqualTo(200);
    assertThat(json.readTree(accepted.body()).get("outcome").asText()).isEqualTo("applied");
    assertThat(json.readTree(decide(caseNumber, "{\"accepted\": true}", desk).body()).get("outcome").asText())
        .isEqualTo("duplicate");
    assertThat(decide(caseNumber, "{\"accepted\": false}", desk).statusCode()).isEqualTo(409);

    // the invoice reaches the embedded finance desk through the outbox; finance confirms the payment
    Task settle = awaitDeskTask(caseNumber, "ConfirmSettlement");
    FinancePosting invoice = postings.findByCaseNumberOrderById(caseNumber).get(0);
    assertThat(invoice.getAmount()).isEqualByComparingTo("480.50");
    tasks.claimAndComplete(settle, finance, Map.of("settlementStatus", "settled"));
    tasks.await(caseNumber, "ConfirmRepairMode");
    assertThat(orders.findByCaseNumber(caseNumber).orElseThrow().getPaidAt()).isNotNull();

    tasks.complete(caseNumber, "ConfirmRepairMode", engineer, Map.of("repairMode", "depot"));
    Await.until("the pick-up ordered", WAIT, () -> shipments.findByCaseNumberOrderById(caseNumber).size() == 1);
    Shipment pickUp = shipments.findByCaseNumberOrderById(caseNumber).get(0);
    Await.until("waiting for the unit", WAIT, () -> isWaitingAt(caseNumber, "AwaitUnit"));
    awaitDeskTask(caseNumber, "ReportShipment", "pick-up");

    String received = "{\"trackingNumber\": \"" + pickUp.getTrackingNumber() + "\", \"status\": \"received\","
        + " \"eventId\": \"carrier-77\"}";
    HttpResponse<String> arrival = http.postJson("/api/events/logistics", received, logistics, TestUsers.PASSWORD);
    assertThat(arrival.statusCode()).as(arrival.body()).isEqualTo(200);
    assertThat(deskTask(caseNumber, "ReportShipment", "pick-up")).as("the desk stops asking: the carrier answered")
        .isNull();
    assertThat(http.postJson("/api/events/logistics", received, logistics, TestUsers.PASSWORD).body())
        .contains("duplicate");
    HttpResponse<String> late = http.postJson("/api/events/logistics", "{\"trackingNumber\": \""
        + pickUp.getTrackingNumber() + "\", \"status\": \"picked-up\", \"eventId\": \"carrier-76\"}", logistics,
        TestUsers.PASSWORD);
    assertThat(late.statusCode()).isEqualTo(200);
    assertThat(late.body()).contains("late");
    assertThat(http.postJson("/api/events/logistics", "{\"trackingNumber\": \"SHP-0000-000000-9\", \"status\":"
        + " \"received\"}", logistics, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.postJson("/api/events/logistics", "{\"trackingNumber\": \"" + pickUp.getTrackingNumber()
        + "\", \"status\": \"delivered\"}", logistics, TestUsers.PASSWORD).statusCode()).isEqualTo(409);

    tasks.complete(caseNumber, "DiagnoseUnit", engineer, Map.of("diagnosis", "Driver board burnt"));
    tasks.complete(caseNumber, "RepairAtDepot", engineer, Map.of("repairNotes", "Replaced the driver board"));
    tasks.complete(caseNumber, "QaCheck", qa, Map.of("qaPassed", true));

    // the way back is reported by a logistics user at the embedded desk
    Task delivered = awaitDeskTask(caseNumber, "ReportShipment", "outbound");
    tasks.claimAndComplete(delivered, logistics, Map.of("shipmentStatus", "delivered"));
    tasks.complete(caseNumber, "RecordRootCause", engineer,
        Map.of("rootCause", "component-failure", "defectCode", "DRV-101"));

    tasks.await(caseNumber, "RecordResolution");
    RepairOrder order = orders.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(order.getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.ACCEPTED);
    assertThat(order.getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.RECEIVED);
    assertThat(order.getDefectCode()).isEqualTo("DRV-101");
    assertThat(shipments.findByCaseNumberOrderById(caseNumber)).extracting(Shipment::getStatus)
        .containsExactly("received", "delivered");
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("repair")
        .processInstanceBusinessKey(caseNumber).finished().count()).isEqualTo(1);

    JsonNode view = json.readTree(http.get("/api/cases/" + caseNumber, desk, TestUsers.PASSWORD).body());
    assertThat(view.toString()).contains("RecordResolution");
  }

  private String openRepairCase() throws Exception {
    String body = """
        { "customer": { "id": "C-3001", "name": "North Cinema", "city": "Wuhan", "cityTier": 1,
                        "contractLevel": "standard" },
          "product":  { "sku": "DSP-55", "productLine": "display", "serialNumber": "SN-D-1",
                        "purchaseDate": "2019-12-20" },
          "channel": "hotline", "priority": "normal", "description": "Screen stays black" }
        """;
    HttpResponse<String> created = http.postJson("/api/cases", body, desk, TestUsers.PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("caseNumber").asText();
  }

  private HttpResponse<String> decide(String caseNumber, String body, String user) {
    return http.postJson("/api/cases/" + caseNumber + "/quote-decision", body, user, TestUsers.PASSWORD);
  }

  private boolean isWaitingAt(String caseNumber, String activityId) {
    return runtimeService.createExecutionQuery().processInstanceBusinessKey(caseNumber).activityId(activityId)
        .count() > 0;
  }


  private Task awaitDeskTask(String caseNumber, String taskKey, String... shipmentKind) {
    Await.until(taskKey + " of " + caseNumber, WAIT, () -> deskTask(caseNumber, taskKey, shipmentKind) != null);
    return deskTask(caseNumber, taskKey, shipmentKind);
  }

  private Task deskTask(String caseNumber, String taskKey, String... shipmentKind) {
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).list()
        .stream().filter(t -> shipmentKind.length == 0
            || shipmentKind[0].equals(taskService.getVariable(t.getId(), "shipmentKind")))
        .findFirst().orElse(null);
  }
}
