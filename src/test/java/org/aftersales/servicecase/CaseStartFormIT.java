package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, point 2: a hotline agent opens a case from Tasklist's Start process, through the same
 * intake as {@code POST /api/cases}, as Tasklist submits the start form (untyped values).
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseStartFormIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String STARTABLE = ENGINE + "/process-definition?latestVersion=true&active=true"
      + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15";

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ServiceCaseRepository cases;

  String desk;
  String sales;
  String finance;

  @BeforeAll
  void users() {
    desk = TestUsers.ensure(identityService, "start-desk", "customer-service");
    sales = TestUsers.ensure(identityService, "start-sales", "sales");
    finance = TestUsers.ensure(identityService, "start-finance", "finance");
  }

  private WebappSession tasklist(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);
    return session;
  }

  private String definitionId(WebappSession session) throws Exception {
    JsonNode startable = json.readTree(session.get(STARTABLE).body());
    List<String> keys = new ArrayList<>();
    String id = null;
    for (JsonNode definition : startable) {
      keys.add(definition.get("key").asText());
      if ("service-request".equals(definition.get("key").asText())) {
        id = definition.get("id").asText();
      }
    }
    // cases, and the approval request any staff member may start
    assertThat(keys).containsExactlyInAnyOrder("service-request", "approval");
    return id;
  }

  /** The start form's values as Tasklist posts them: every field, no types. */
  private static String form(String name, String purchaseDate, String description) {
    return "{\"variables\":{"
        + "\"customerId\":{\"value\":\"C-7001\"},\"customerName\":{\"value\":\"" + name + "\"},"
        + "\"customerContact\":{\"value\":\"Ms Li, 138 0000 0000\"},\"customerCity\":{\"value\":\"Wuhan\"},"
        + "\"cityTier\":{\"value\":1},\"contractLevel\":{\"value\":\"standard\"},"
        + "\"productSku\":{\"value\":\"PRN-800\"},\"productLine\":{\"value\":\"printer\"},"
        + "\"serialNumber\":{\"value\":\"SN-START-1\"},\"purchaseDate\":{\"value\":\"" + purchaseDate + "\"},"
        + "\"channel\":{\"value\":\"hotline\"},\"priority\":{\"value\":\"high\"},\"category\":{\"value\":null},"
        + "\"complaint\":{\"value\":false},\"description\":{\"value\":\"" + description + "\"}},"
        + "\"businessKey\":null}";
  }

  @Test
  void theServiceDeskOpensACaseFromStartProcessThroughTheSameIntake() throws Exception {
    WebappSession session = tasklist(desk);
    String definitionId = definitionId(session);
    HttpResponse<String> started = session.postJson(ENGINE + "/process-definition/" + definitionId + "/submit-form",
        form("Start Form Print Shop", "2025-05-20", "Paper jams after 10 pages"));
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    JsonNode instance = json.readTree(started.body());
    String caseNumber = instance.get("businessKey").asText();
    assertThat(caseNumber).matches("AS-\\d{4}-\\d{6}");

    ServiceCase row = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(row.getOpenedBy()).isEqualTo(desk);
    assertThat(row.getCustomerContact()).isEqualTo("Ms Li, 138 0000 0000");
    assertThat(row.getProcessInstanceId()).isEqualTo(instance.get("id").asText());
    ProcessInstance process = runtimeService.createProcessInstanceQuery().processInstanceId(row.getProcessInstanceId())
        .singleResult();
    assertThat(process.getBusinessKey()).isEqualTo(caseNumber);
    Task acknowledge = taskService.createTaskQuery().processInstanceId(process.getId()).singleResult();
    assertThat(acknowledge.getTaskDefinitionKey()).isEqualTo("AcknowledgeCustomer");
    assertThat(acknowledge.getDueDate()).as("the first-response SLA clock runs").isNotNull();
    assertThat(runtimeService.getVariable(process.getId(), "cityTier")).isEqualTo(1);
    assertThat(runtimeService.getVariable(process.getId(), "purchaseDate")).isEqualTo("2025-05-20");

    // sales may open cases too; finance is not offered the process and is refused if they try
    assertThat(definitionId(tasklist(sales))).isEqualTo(definitionId);
    WebappSession financeSession = tasklist(finance);
    assertThat(json.readTree(financeSession.get(STARTABLE).body()).toString()).doesNotContain("service-request");
    HttpResponse<String> refused = financeSession.postJson(ENGINE + "/process-definition/" + definitionId
        + "/submit-form", form("Finance Try", "2025-05-20", "x"));
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
  }

  @Test
  void badInputNamesTheFormsFieldsAndLeavesNoCase() throws Exception {
    WebappSession session = tasklist(desk);
    String submit = ENGINE + "/process-definition/" + definitionId(session) + "/submit-form";
    long before = cases.count();
    long running = runtimeService.createProcessInstanceQuery().processDefinitionKey("service-request").count();

    HttpResponse<String> future = session.postJson(submit, form("Future Buyer", "2999-01-01", "x"));
    assertThat(fields(future)).containsExactly("purchaseDate");
    // Tasklist shows the message: it names the field as the form labels it
    assertThat(json.readTree(future.body()).get("message").asText())
        .contains("Purchase date (purchaseDate) must not be in the future");
    assertThat(fields(session.postJson(submit, form("N\\u0000X", "2025-05-20", "x")))).containsExactly("customerName");
    assertThat(fields(session.postJson(submit, form("No Description", "2025-05-20", "")))).contains("description");
    // the engine-rest way around the form takes the intake too
    HttpResponse<String> around = new Http(port).postJson("/engine-rest/process-definition/key/service-request/start",
        "{\"variables\":{\"customerName\":{\"value\":\"Bypass\",\"type\":\"String\"}}}", desk, TestUsers.PASSWORD);
    assertThat(around.statusCode()).as(around.body()).isEqualTo(400);

    assertThat(cases.count()).isEqualTo(before);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("service-request").count())
        .isEqualTo(running);
  }

  private List<String> fields(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    List<String> names = new ArrayList<>();
    json.readTree(response.body()).get("fields").forEach(field -> names.add(field.get("field").asText()));
    return names;
  }
}
