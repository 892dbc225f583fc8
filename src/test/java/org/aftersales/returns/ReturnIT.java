package org.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
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
 * A return refunded end to end on PostgreSQL with the real job executor, outbox and embedded
 * desks: the unit's arrival posted to {@code /api/events/logistics}, after-sales and QA
 * disagreeing and the team lead deciding, the refund approved, posted to the embedded finance
 * desk once and settled there by a finance user, the case back at its resolution.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReturnIT {

  private static final Duration WAIT = Duration.ofSeconds(30);
  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;
  @Autowired HistoryService historyService;
  @Autowired ReturnOrderRepository orders;
  @Autowired ShipmentRepository shipments;
  @Autowired FinancePostingRepository postings;

  Http http;
  CaseTasks tasks;
  String desk;
  String engineer;
  String qa;
  String lead;
  String finance;
  String logistics;

  @BeforeAll
  void users() {
    http = new Http(port);
    tasks = new CaseTasks(taskService);
    desk = TestUsers.ensure(identityService, "rit-desk", "customer-service");
    engineer = TestUsers.ensure(identityService, "rit-engineer", "after-sales");
    qa = TestUsers.ensure(identityService, "rit-qa", "qa");
    lead = TestUsers.ensure(identityService, "rit-lead", "approver-lead");
    finance = TestUsers.ensure(identityService, "rit-finance", "finance");
    logistics = TestUsers.ensure(identityService, "rit-logistics", "logistics");
  }

  @Test
  void returnedUnitIsRefundedOnceAndTheCaseGoesOnToItsResolution() throws Exception {
    String caseNumber = openReturnCase();
    tasks.complete(caseNumber, "AcknowledgeCustomer", desk, Map.of("acknowledgementMessage", "We take it back"));
    tasks.complete(caseNumber, "TriageCase", desk, Map.of());
    Map<String, Object> registration = new HashMap<>();
    registration.put("returnReason", "quality");
    registration.put("unitCondition", "as-new");
    registration.put("originalPrice", 899.5);
    registration.put("currency", "CNY");
    registration.put("requestedResolution", "refund");
    tasks.complete(caseNumber, "RegisterReturn", desk, registration);

    Await.until("the pick-up ordered", WAIT, () -> shipments.findByCaseNumberOrderById(caseNumber).size() == 1);
    Shipment pickUp = shipments.findByCaseNumberOrderById(caseNumber).get(0);
    Await.until("waiting for the unit", WAIT, () -> runtimeService.createExecutionQuery()
        .processInstanceBusinessKey(caseNumber).activityId("AwaitReturnedUnit").count() > 0);
    HttpResponse<String> arrival = http.postJson("/api/events/logistics", "{\"trackingNumber\": \""
        + pickUp.getTrackingNumber() + "\", \"status\": \"received\", \"eventId\": \"rit-" + caseNumber + "\"}",
        logistics, TestUsers.PASSWORD);
    assertThat(arrival.statusCode()).as(arrival.body()).isEqualTo(200);

    tasks.complete(caseNumber, "InspectUnit", qa, Map.of("inspectionFindings", "Hinge cracked in transport",
        "inspectedCondition", "used"));
    tasks.complete(caseNumber, "TechnicalResponsibility", engineer, Map.of("technicalResponsibility", "company"));
    tasks.complete(caseNumber, "QaResponsibility", qa, Map.of("qaResponsibility", "shared"));
    tasks.complete(caseNumber, "DecideResponsibility", lead, Map.of("responsibility", "shared",
        "responsibilityNote", "Packaging too thin, customer dropped it"));
    tasks.complete(caseNumber, "ChooseResolution", engineer, Map.of("resolution", "refund"));
    tasks.complete(caseNumber, "PrepareAdjustment", engineer, Map.of("adjustmentType", "partial-refund",
        "originalPrice", "899.50", "currency", "CNY", "unitCondition", "used", "responsibility", "shared",
        "adjustmentReason", "Shared responsibility, used unit"));

    Task approve = tasks.await(caseNumber, "ApproveStep");
    taskService.claim(approve.getId(), lead);
    identityService.setAuthenticatedUserId(lead);
    try {
      taskService.complete(approve.getId(), Map.of("decision", "approve"));
    } finally {
      identityService.clearAuthentication();
    }

    // posted once by the job, recorded by the embedded finance desk, settled there by finance
    Task settle = tasks.await(caseNumber, "ConfirmSettlement");
    List<FinancePosting> posted = postings.findByCaseNumberOrderById(caseNumber);
    assertThat(posted).hasSize(1);
    assertThat(posted.get(0).getKind()).isEqualTo("credit-note");
    assertThat(posted.get(0).getAmount()).as("used, shared: 85 % of 899.50").isEqualByComparingTo("764.58");
    taskService.claim(settle.getId(), finance);
    taskService.complete(settle.getId(), Map.of("settlementStatus", "settled"));

    tasks.await(caseNumber, "RecordResolution");
    ReturnOrder order = orders.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(order.getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.RECEIVED);
    assertThat(order.getResponsibilityDecidedBy()).isEqualTo("lead");
    assertThat(order.getClosedAt()).isNotNull();
    assertThat(postings.findByCaseNumberOrderById(caseNumber)).hasSize(1)
        .allSatisfy(p -> assertThat(p.getStatus()).isEqualTo("settled"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKeyIn("return-exchange", "refund-adjustment").finished().count()).isEqualTo(2);
  }

  private String openReturnCase() throws Exception {
    String body = """
        { "customer": { "id": "C-6001", "name": "Orchid Hotel", "city": "Xiamen", "cityTier": 2,
                        "contractLevel": "standard" },
          "product":  { "sku": "LMP-3", "productLine": "hardware", "serialNumber": "SN-L-31",
                        "purchaseDate": "%s" },
          "channel": "email", "priority": "normal", "category": "return-exchange",
          "description": "The lamp arrived with a cracked hinge" }
        """.formatted(java.time.LocalDate.now().minusDays(5));
    HttpResponse<String> created = http.postJson("/api/cases", body, desk, TestUsers.PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    return json.readTree(created.body()).get("caseNumber").asText();
  }
}
