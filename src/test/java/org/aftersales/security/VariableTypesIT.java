package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.SmokeModel;
import org.aftersales.testsupport.TestBeans.ExpressionProbe;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20, findings 3 (variable types), 6 and 7 as a client meets them on PostgreSQL: through
 * {@code /engine-rest} with Basic authentication and through the webapps' engine API with a
 * browser's session and CSRF token.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class VariableTypesIT {

  /** The payload of finding 3: accepted with 204, after which the case could not be read or worked on. */
  private static final String WEDGING = "{\"type\":\"Object\",\"value\":\"not json at all\",\"valueInfo\":{"
      + "\"objectTypeName\":\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ExpressionProbe probe;

  Http http;
  WebappSession tasklist;
  String service;
  String instanceId;
  Task review;

  @BeforeAll
  void startAnInstanceWaitingForReview() {
    http = new Http(port);
    service = TestUsers.ensure(identityService, "types-service", "customer-service");
    var deployment = repositoryService.createDeployment().name("variable-types-it").enableDuplicateFiltering(true);
    for (String resource : SmokeModel.RESOURCES) {
      deployment.addClasspathResource(resource);
    }
    deployment.deploy();
    instanceId = start("AS-2026-900200");
    review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isEqualTo(200);
  }

  private String start(String businessKey) {
    String id = runtimeService.startProcessInstanceByKey(SmokeModel.PROCESS_KEY, businessKey,
        Map.of("amount", 10)).getId();
    Await.until("the review task", Duration.ofSeconds(30),
        () -> taskService.createTaskQuery().processInstanceId(id).count() == 1);
    return id;
  }

  private HttpResponse<String> post(String path, String json) {
    return http.postJson(path, json, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
  }

  private static void refused(HttpResponse<String> response, String... named) {
    assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
    assertThat(response.body()).as(response.uri().toString()).contains(named);
  }

  private void nothingStored() {
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(instanceId)
        .variableNameLike("extra%").count()).isZero();
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isOne();
    // The case stays readable: its variables answer, the next form too.
    var variables = http.get("/engine-rest/process-instance/" + instanceId + "/variables", TestUsers.ADMIN,
        TestUsers.ADMIN_PASSWORD);
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
  }

  @Test
  void theWedgingObjectVariableIsRefusedOnEveryEngineRestRoute() {
    String variables = "{\"extra\":" + WEDGING + "}";
    String definitionKey = SmokeModel.PROCESS_KEY;
    List<HttpResponse<String>> answers = List.of(
        post("/engine-rest/task/" + review.getId() + "/complete", "{\"variables\":" + variables + "}"),
        post("/engine-rest/task/" + review.getId() + "/submit-form", "{\"variables\":" + variables + "}"),
        http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/extra", WEDGING, TestUsers.ADMIN,
            TestUsers.ADMIN_PASSWORD),
        http.putJson("/engine-rest/task/" + review.getId() + "/localVariables/extra", WEDGING, TestUsers.ADMIN,
            TestUsers.ADMIN_PASSWORD),
        post("/engine-rest/process-instance/" + instanceId + "/variables",
            "{\"modifications\":" + variables + ",\"deletions\":[]}"),
        post("/engine-rest/process-definition/key/" + definitionKey + "/start",
            "{\"businessKey\":\"AS-2026-900201\",\"variables\":" + variables + "}"),
        post("/engine-rest/message", "{\"messageName\":\"nothing-waits\",\"processInstanceId\":\"" + instanceId
            + "\",\"processVariablesLocal\":" + variables + "}"),
        post("/engine-rest/signal", "{\"name\":\"nothing-waits\",\"variables\":" + variables + "}"),
        post("/engine-rest/process-instance/" + instanceId + "/modification",
            "{\"instructions\":[{\"type\":\"startBeforeActivity\",\"activityId\":\"" + SmokeModel.REVIEW_TASK
                + "\",\"variables\":{\"extra\":{\"type\":\"Object\",\"value\":\"{}\",\"local\":false}}}]}"),
        post("/engine-rest/process-instance/variables-async",
            "{\"processInstanceIds\":[\"" + instanceId + "\"],\"variables\":" + variables + "}"));
    assertThat(answers).allSatisfy(answer -> refused(answer, "'extra'", "'Object'"));
    nothingStored();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey("AS-2026-900201").count())
        .isZero();
  }

  @Test
  void otherNonPrimitiveTypesAndUntypedListsAreRefusedToo() {
    String complete = "/engine-rest/task/" + review.getId() + "/complete";
    refused(post(complete, "{\"variables\":{\"extraJson\":{\"type\":\"Json\",\"value\":\"{}\"}}}"), "'Json'");
    refused(post(complete, "{\"variables\":{\"extraFile\":{\"type\":\"File\",\"value\":\"aGk=\","
        + "\"valueInfo\":{\"filename\":\"a.txt\"}}}}"), "'File'");
    refused(post(complete, "{\"variables\":{\"extraBytes\":{\"type\":\"Bytes\",\"value\":\"aGk=\"}}}"), "'Bytes'");
    refused(post(complete, "{\"variables\":{\"extraList\":{\"value\":[\"a\",\"b\"]}}}"), "'extraList'", "a list");
    nothingStored();
  }

  @Test
  void theWebappsEngineApiRefusesThemLikeEngineRest() {
    refused(tasklist.postJson(WEBAPP_ENGINE + "/task/" + review.getId() + "/complete",
        "{\"variables\":{\"extra\":" + WEDGING + "}}"), "'extra'", "'Object'");
    refused(tasklist.postJson(WEBAPP_ENGINE + "/task/" + review.getId() + "/submit-form",
        "{\"variables\":{\"extra\":" + WEDGING + "}}"), "'extra'", "'Object'");
    refused(tasklist.putJson(WEBAPP_ENGINE + "/process-instance/" + instanceId + "/variables/extra", WEDGING),
        "'extra'", "'Object'");
    nothingStored();
  }

  /** A multipart body as a client builds it: the JSON data part and the part naming the Java class. */
  private static byte[] dataUpload(String boundary, String data, String javaType, String valueType) {
    var body = new ByteArrayOutputStream();
    StringBuilder text = new StringBuilder("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"; "
        + "filename=\"blob\"\r\nContent-Type: application/json\r\n\r\n" + data + "\r\n");
    if (javaType != null) {
      text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"type\"\r\n")
          .append("Content-Type: text/plain\r\n\r\n").append(javaType).append("\r\n");
    }
    if (valueType != null) {
      text.append("--").append(boundary).append("\r\nContent-Disposition: form-data; name=\"valueType\"\r\n")
          .append("Content-Type: text/plain\r\n\r\n").append(valueType).append("\r\n");
    }
    text.append("--").append(boundary).append("--\r\n");
    body.writeBytes(text.toString().getBytes(StandardCharsets.UTF_8));
    return body.toByteArray();
  }

  private HttpResponse<String> upload(String variable, String data, String javaType, String valueType) {
    String boundary = "types-it-boundary";
    return http.send(http.request("/engine-rest/process-instance/" + instanceId + "/variables/" + variable + "/data",
            TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(dataUpload(boundary, data, javaType, valueType))));
  }

  @Test
  void theMultipartDataRouteCreatesNoJavaObjectsBytesOrFiles() {
    // Finding 6: the 'type' part made the engine instantiate any named class from the JSON data.
    refused(upload("extraFile", "\"/tmp/types-it\"", "java.io.File", null), "'extraFile'", "java.io.File");
    refused(upload("extraMap", "{\"a\":1}", "java.util.HashMap", null), "'extraMap'", "java.util.HashMap");
    refused(upload("extraBytes", "{}", null, null), "'extraBytes'", "'Bytes'");
    refused(upload("extraFile2", "{}", null, "File"), "'extraFile2'", "'File'");
    refused(upload("extraObject", "{}", null, "Object"), "'extraObject'", "'Object'");
    nothingStored();
  }

  /**
   * A GET with the target exactly as given: java.net.URI refuses a malformed escape, a client
   * that probes the server does not. Answers the status line and the body.
   */
  private String rawGet(String target, String header) throws java.io.IOException {
    try (var socket = new java.net.Socket("localhost", port)) {
      socket.setSoTimeout(30_000);
      String request = "GET " + target + " HTTP/1.1\r\nHost: localhost\r\nAccept: application/json\r\n" + header
          + "\r\nConnection: close\r\n\r\n";
      socket.getOutputStream().write(request.getBytes(StandardCharsets.ISO_8859_1));
      String answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      return answer.substring(0, answer.indexOf('\r')) + " " + answer.substring(answer.indexOf("\r\n\r\n") + 4);
    }
  }

  @Test
  void parametersAreDecodedAsTheEngineDecodesThem() throws Exception {
    int before = probe.calls();
    String basic = "Authorization: Basic " + java.util.Base64.getEncoder().encodeToString(
        (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
    // Finding 7: a malformed escape after the expression made our decoder give up.
    String query = "?dueAfterExpression=%24%7BexpressionProbe.touch()%7D%zz&maxResults=10";
    String rest = rawGet("/engine-rest/task" + query, basic);
    String webapp = rawGet(WEBAPP_ENGINE + "/task" + query, "Cookie: " + tasklist.cookieHeader());
    String count = rawGet("/engine-rest/task/count?assigneeExpression=%24%7BexpressionProbe.touch()%7D%zz", basic);
    assertThat(List.of(rest, webapp, count)).allSatisfy(answer -> {
      assertThat(answer).startsWith("HTTP/1.1 400");
      assertThat(answer).contains("is not valid percent-encoded UTF-8");
    });
    assertThat(probe.calls()).isEqualTo(before);
  }

  @Test
  void aTasklistSubmissionWithUntypedValuesStillPasses() {
    String other = start("AS-2026-900202");
    Task task = taskService.createTaskQuery().processInstanceId(other).singleResult();
    var completed = tasklist.postJson(WEBAPP_ENGINE + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"queue\":{\"value\":\"standard\"},\"reviewed\":{\"value\":true}}}");
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(other)
        .variableName("reviewed").singleResult().getValue()).isEqualTo(true);
    var typed = http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/note",
        "{\"value\":\"plain\",\"type\":\"String\"}", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(typed.statusCode()).as(typed.body()).isEqualTo(204);
  }
}
