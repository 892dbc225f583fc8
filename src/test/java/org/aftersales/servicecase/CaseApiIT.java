package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** {@code /api/cases} as a client meets it, on PostgreSQL. */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseApiIT {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H'};
  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired org.camunda.bpm.engine.RuntimeService runtimeService;
  @Autowired org.camunda.bpm.engine.TaskService taskService;

  Http http;
  String desk;
  String rnd;
  String auditor;
  String carrier;

  @BeforeAll
  void users() {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "api-desk", "customer-service");
    rnd = TestUsers.ensure(identityService, "api-rnd", "rnd");
    auditor = TestUsers.ensure(identityService, "api-auditor", "auditors");
    carrier = TestUsers.ensure(identityService, "api-carrier", "logistics");
  }

  @Test
  void opensACaseAndShowsItsTaskSlaAndTimeline() throws Exception {
    HttpResponse<String> created = post(Cases.exampleJson(), desk);
    assertThat(created.statusCode()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    String caseNumber = body.get("caseNumber").asText();
    assertThat(caseNumber).matches("AS-\\d{4}-\\d{6}");
    assertThat(body.get("processInstanceId").asText()).isNotBlank();
    assertThat(created.headers().firstValue("Location")).hasValue("/api/cases/" + caseNumber);

    HttpResponse<String> read = http.get("/api/cases/" + caseNumber, auditor, TestUsers.PASSWORD);
    assertThat(read.statusCode()).isEqualTo(200);
    JsonNode view = json.readTree(read.body());
    assertThat(view.get("status").asText()).isEqualTo("open");
    assertThat(view.get("openedBy").asText()).isEqualTo(desk);
    assertThat(view.get("customer").get("name").asText()).isEqualTo("Acme Film Studio");
    JsonNode task = view.get("openTasks").get(0);
    assertThat(task.get("taskDefinitionKey").asText()).isEqualTo("AcknowledgeCustomer");
    assertThat(task.get("candidateGroups").toString()).isEqualTo("[\"customer-service\"]");
    JsonNode sla = view.get("sla").get(0);
    assertThat(sla.get("kind").asText()).isEqualTo("first-response");
    assertThat(sla.get("targetMinutes").asInt()).isEqualTo(240);
    assertThat(sla.get("clock").asText()).isEqualTo("business-hours");
    assertThat(sla.get("status").asText()).isEqualTo("running");
    assertThat(sla.get("deadline").asText()).isEqualTo(task.get("due").asText());
    List<String> steps = new ArrayList<>();
    view.get("timeline").forEach(entry -> steps.add(entry.get("activityId").asText()));
    assertThat(steps).containsSubsequence("CaseOpened", "DetermineSlaTargets", "SetFirstResponseDeadline",
        "AcknowledgeCustomer");
  }

  @Test
  void namesEveryBadFieldInOneAnswer() throws Exception {
    ObjectNode request = (ObjectNode) json.readTree(Cases.exampleJson());
    request.remove("customer");
    ((ObjectNode) request.get("product")).put("purchaseDate", "2999-01-01");
    request.put("category", "warranty-claim");
    request.put("channel", "fax");
    request.put("description", "x".repeat(8001));

    HttpResponse<String> answer = post(request.toString(), desk);

    assertThat(answer.statusCode()).isEqualTo(400);
    JsonNode body = json.readTree(answer.body());
    List<String> fields = new ArrayList<>();
    body.get("fields").forEach(field -> fields.add(field.get("field").asText()));
    assertThat(fields).containsExactlyInAnyOrder("customer", "product.purchaseDate", "category", "channel",
        "description");
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
  }

  @Test
  void unreadableValuesNameTheirField() throws Exception {
    ObjectNode request = (ObjectNode) json.readTree(Cases.exampleJson());
    ((ObjectNode) request.get("customer")).put("cityTier", "first");
    HttpResponse<String> answer = post(request.toString(), desk);
    assertThat(answer.statusCode()).isEqualTo(400);
    assertThat(json.readTree(answer.body()).get("fields").get(0).get("field").asText()).isEqualTo("customer.cityTier");

    HttpResponse<String> notJson = post("{ this is not json", desk);
    assertThat(notJson.statusCode()).isEqualTo(400);
    assertThat(notJson.body()).doesNotContain("Exception");
  }

  private static long sequence(String caseNumber) {
    return Long.parseLong(caseNumber.substring(caseNumber.lastIndexOf('-') + 1));
  }

  private String refusedField(HttpResponse<String> answer) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).doesNotContain("Exception").doesNotContain("at org.");
    return json.readTree(answer.body()).get("fields").get(0).get("field").asText();
  }

  /** Issue 20, finding 5: each of these was a 500 on PostgreSQL, or taken as something else. */
  @Test
  void malformedCasesAreRefusedByFieldAndBurnNoCaseNumber() throws Exception {
    long before = sequence(json.readTree(post(Cases.exampleJson(), desk).body()).get("caseNumber").asText());
    String example = Cases.exampleJson();
    String[][] malformed = {
        {example.replace("\"Acme Film Studio\"", "\"N\\u0000X\""), "customer.name"},
        {example.replace("\"Beijing\"", "\"Bei\\u001bjing\""), "customer.city"},
        {example.replace("\"2026-03-01\"", "\"-999999999-01-01\""), "product.purchaseDate"},
        {example.replace("\"2026-03-01\"", "\"1969-12-31\""), "product.purchaseDate"},
        {example.replace("\"cityTier\": 1", "\"cityTier\": 1.5"), "customer.cityTier"},
        {example.replace("\"channel\"", "\"complaint\": 2, \"channel\""), "complaint"},
        {example.replace("\"channel\"", "\"complaint\": \"yes\", \"channel\""), "complaint"},
        {example.replace("\"C-1001\"", "1001"), "customer.id"},
        {example.replace("\"productLine\"", "\"line\": \"x\", \"productLine\""), "product.line"},
        {example.replace("\"channel\"", "\"channel\": \"email\", \"channel\""), "channel"}};
    for (String[] request : malformed) {
      assertThat(refusedField(post(request[0], desk))).as(request[0]).isEqualTo(request[1]);
    }
    // Tab and newline are text; the next case takes the next number.
    HttpResponse<String> next = post(example.replace("\"Approval flow", "\"Line one\\n\\tApproval flow"), desk);
    assertThat(next.statusCode()).as(next.body()).isEqualTo(201);
    assertThat(sequence(json.readTree(next.body()).get("caseNumber").asText())).isEqualTo(before + 1);
  }

  @Test
  void theOtherEndpointsReadTheirInputAsStrictly() throws Exception {
    assertThat(refusedField(http.postJson("/api/cases/AS-2026-999999/quote-decision", "{\"accepted\":\"true\"}",
        desk, TestUsers.PASSWORD))).isEqualTo("accepted");
    assertThat(refusedField(http.postJson("/api/cases/AS-2026-999999/feedback", "{\"satisfaction\":4.5}", desk,
        TestUsers.PASSWORD))).isEqualTo("satisfaction");
    assertThat(refusedField(http.postJson("/api/events/rnd",
        "{\"ticketKey\":\"RND-1\",\"status\":\"resolved\",\"severity\":\"high\"}", rnd, TestUsers.PASSWORD)))
        .isEqualTo("severity");
    assertThat(refusedField(http.postJson("/api/events/rnd", "{\"ticketKey\":\"RND-\\u0000\",\"status\":\"resolved\"}",
        rnd, TestUsers.PASSWORD))).isEqualTo("ticketKey");
    assertThat(refusedField(http.postJson("/api/approvals/unknown/copies", "{\"users\":[7]}", desk,
        TestUsers.PASSWORD))).isEqualTo("users[0]");
    assertThat(refusedField(http.postJson("/api/events/logistics", "{\"trackingNumber\":\"SHP-1\",\"status\":"
        + "\"received\",\"occurredAt\":\"+999999999-12-31T23:59:59Z\"}", carrier, TestUsers.PASSWORD)))
        .isEqualTo("occurredAt");
    assertThat(refusedField(http.postJson("/api/events/logistics", "{\"trackingNumber\":\"SHP-1\",\"status\":"
        + "\"received\",\"occurredAt\":1764754200}", carrier, TestUsers.PASSWORD))).isEqualTo("occurredAt");
    assertThat(refusedField(http.get("/api/reports/service?from=%2B999999999-01-01&to=2026-12-31", auditor,
        TestUsers.PASSWORD))).isEqualTo("from");
    assertThat(refusedField(http.get("/api/reports/service?from=2026-01-01&to=2026-12-31&customerId=C%00",
        auditor, TestUsers.PASSWORD))).isEqualTo("customerId");
  }

  @Test
  void unknownCasesAre404AndOnlyStaffMayCall() {
    assertThat(http.get("/api/cases/AS-2026-999999", desk, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/not-a-case", desk, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.get("/api/cases/AS-2026-999999", null, null).statusCode()).isEqualTo(401);
    assertThat(post(Cases.exampleJson(), rnd).statusCode()).isEqualTo(403);
    assertThat(http.postJson("/api/cases/AS-2026-999999/feedback", "{\"satisfaction\":4}", desk, TestUsers.PASSWORD)
        .statusCode()).isEqualTo(404);
  }

  /**
   * Issue 20, finding 9: case numbers are sequential and any staff member read any case and its
   * attachments. Now a case is read on a need-to-know basis, and to anyone else it does not exist.
   */
  @Test
  void aCaseIsReadByWhoWorksOnItAndDoesNotExistForOthers() throws Exception {
    String caseNumber = json.readTree(post(Cases.exampleJson(), desk).body()).get("caseNumber").asText();
    String added = http.postFile("/api/cases/" + caseNumber + "/attachments", "file", "error.png", "image/png", PNG,
        desk, TestUsers.PASSWORD).body();
    String download = json.readTree(added).get("download").asText();
    String qa = TestUsers.ensure(identityService, "api-qa", "qa");

    assertThat(http.get("/api/cases/" + caseNumber, desk, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/api/cases/" + caseNumber, auditor, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    HttpResponse<String> stranger = http.get("/api/cases/" + caseNumber, qa, TestUsers.PASSWORD);
    HttpResponse<String> unknown = http.get("/api/cases/AS-2026-999997", qa, TestUsers.PASSWORD);
    assertThat(stranger.statusCode()).isEqualTo(404);
    assertThat(json.readTree(stranger.body()).get("message").asText())
        .isEqualTo(json.readTree(unknown.body()).get("message").asText().replace("AS-2026-999997", caseNumber));
    assertThat(http.getBytes(download, qa, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    assertThat(http.getBytes(download, rnd, TestUsers.PASSWORD).statusCode()).isEqualTo(404);

    // once a task of the case is offered to their group, they read it
    String instanceId = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .singleResult().getId();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    taskService.addCandidateGroup(taskId, "qa");
    assertThat(http.get("/api/cases/" + caseNumber, qa, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.getBytes(download, qa, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  void attachmentsAreStoredCheckedAndDownloadable() throws Exception {
    String caseNumber = json.readTree(post(Cases.exampleJson(), desk).body()).get("caseNumber").asText();
    String path = "/api/cases/" + caseNumber + "/attachments";

    HttpResponse<String> added = http.postFile(path, "file", "C:\\shots\\error.png", "image/png", PNG, desk,
        TestUsers.PASSWORD);
    assertThat(added.statusCode()).isEqualTo(201);
    JsonNode attachment = json.readTree(added.body());
    assertThat(attachment.get("fileName").asText()).isEqualTo("error.png");
    assertThat(attachment.get("contentType").asText()).isEqualTo("image/png");

    HttpResponse<String> log = http.postFile(path, "file", "server.log", "text/plain",
        "2026-11-23 ERROR approval stopped\n".getBytes(), desk, TestUsers.PASSWORD);
    assertThat(log.statusCode()).isEqualTo(201);
    assertThat(json.readTree(log.body()).get("contentType").asText()).isEqualTo("text/plain");

    // a program named like an image is refused: the type comes from the bytes
    HttpResponse<String> program = http.postFile(path, "file", "photo.png", "image/png",
        new byte[] {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0}, desk, TestUsers.PASSWORD);
    assertThat(program.statusCode()).isEqualTo(400);
    assertThat(json.readTree(program.body()).get("fields").get(0).get("field").asText()).isEqualTo("file");

    byte[] tooLarge = new byte[10 * 1024 * 1024 + 1];
    Arrays.fill(tooLarge, (byte) 'a');
    HttpResponse<String> large = http.postFile(path, "file", "huge.log", "text/plain", tooLarge, desk,
        TestUsers.PASSWORD);
    assertThat(large.statusCode()).isEqualTo(400);
    assertThat(large.body()).contains("larger than");
    // beyond the servlet's own multipart limit the answer is the same 400, not a 413
    HttpResponse<String> huge = http.postFile(path, "file", "dump.log", "text/plain", new byte[27 * 1024 * 1024],
        desk, TestUsers.PASSWORD);
    assertThat(huge.statusCode()).as(huge.body()).isEqualTo(400);
    assertThat(json.readTree(huge.body()).get("fields").get(0).get("field").asText()).isEqualTo("file");

    assertThat(http.postFile("/api/cases/AS-2026-999998/attachments", "file", "error.png", "image/png", PNG, desk,
        TestUsers.PASSWORD).statusCode()).isEqualTo(404);

    JsonNode view = json.readTree(http.get("/api/cases/" + caseNumber, desk, TestUsers.PASSWORD).body());
    assertThat(view.get("attachments")).hasSize(2);
    String download = view.get("attachments").get(0).get("download").asText();
    HttpResponse<byte[]> file = http.getBytes(download, auditor, TestUsers.PASSWORD);
    assertThat(file.statusCode()).isEqualTo(200);
    assertThat(file.body()).isEqualTo(PNG);
    assertThat(file.headers().firstValue("Content-Type")).hasValue("image/png");
    assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("attachment")
        .contains("error.png");
    assertThat(http.get(path + "/999999", desk, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
  }

  @Test
  void feedbackBeforeResolutionIsAConflict() throws Exception {
    String caseNumber = json.readTree(post(Cases.exampleJson(), desk).body()).get("caseNumber").asText();
    HttpResponse<String> early = http.postJson("/api/cases/" + caseNumber + "/feedback", "{\"satisfaction\":4}", desk,
        TestUsers.PASSWORD);
    assertThat(early.statusCode()).isEqualTo(409);
    HttpResponse<String> bad = http.postJson("/api/cases/" + caseNumber + "/feedback", "{\"satisfaction\":9}", desk,
        TestUsers.PASSWORD);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("satisfaction");
  }

  @Test
  void rndCallbacksCheckTheirInput() throws Exception {
    assertThat(http.postJson("/api/events/rnd", "{\"ticketKey\":\"RND-2026-999999-1\",\"status\":\"resolved\"}", rnd,
        TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    HttpResponse<String> bad = http.postJson("/api/events/rnd", "{\"ticketKey\":\"RND-1\",\"status\":\"done\"}", rnd,
        TestUsers.PASSWORD);
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(json.readTree(bad.body()).get("fields").get(0).get("field").asText()).isEqualTo("status");
    assertThat(http.postJson("/api/events/rnd", "{\"ticketKey\":\"RND-1\",\"status\":\"resolved\"}", desk,
        TestUsers.PASSWORD).statusCode()).isEqualTo(403);
  }

  private HttpResponse<String> post(String body, String user) {
    return http.postJson("/api/cases", body, user, TestUsers.PASSWORD);
  }
}
