package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Camunda Forms enforced on the server, on PostgreSQL, as REST clients and Tasklist submit them. */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FormValidationIT {

  private static final String LATER_KEY = "forms-later";
  private static final String LATER_FORM = """
      {"id": "forms-later-fill", "type": "default", "schemaVersion": 16,
       "executionPlatform": "Camunda Platform", "executionPlatformVersion": "7.24.0",
       "components": [
         {"id": "Field_ref", "key": "ref", "type": "textfield", "readonly": true},
         {"id": "Field_code", "key": "code", "type": "textfield",
          "validate": {"required": true, "pattern": "^[A-Z]{3}-[0-9]{2}$"}},
         {"id": "Field_quantity", "key": "quantity", "type": "number", "validate": {"min": 1, "max": 10}},
         {"id": "Field_color", "key": "color", "type": "select",
          "values": [{"label": "Red", "value": "red"}, {"label": "Green", "value": "green"}]},
         {"id": "Field_note", "key": "note", "type": "textarea", "validate": {"maxLength": 20}}]}
      """;
  private static final String LATER_START_FORM = """
      {"id": "forms-later-start", "type": "default", "schemaVersion": 16, "components": [
         {"id": "Field_ref", "key": "ref", "type": "textfield", "validate": {"required": true, "minLength": 4}}]}
      """;

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired RuntimeService runtimeService;

  Http http;
  String desk;

  @BeforeAll
  void users() {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "forms-desk", "customer-service");
  }

  private Task acknowledgeTask() throws Exception {
    var created = http.postJson("/api/cases", Cases.exampleJson(), desk, TestUsers.PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String instanceId = json.readTree(created.body()).get("processInstanceId").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(task.getTaskDefinitionKey()).isEqualTo("AcknowledgeCustomer");
    return task;
  }

  private static String variables(Map<String, Object[]> variables) {
    StringBuilder body = new StringBuilder("{\"variables\":{");
    List<String> parts = new ArrayList<>();
    variables.forEach((name, valueAndType) -> parts.add("\"" + name + "\":{\"value\":" + valueAndType[0]
        + ",\"type\":\"" + valueAndType[1] + "\"}"));
    return body.append(String.join(",", parts)).append("}}").toString();
  }

  private static Map<String, Object[]> vars(Object... triples) {
    Map<String, Object[]> map = new LinkedHashMap<>();
    for (int i = 0; i < triples.length; i += 3) {
      map.put((String) triples[i], new Object[] {triples[i + 1], triples[i + 2]});
    }
    return map;
  }

  /** field → rule of a 400 answer. */
  private Map<String, String> refused(HttpResponse<String> response) throws Exception {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
    JsonNode body = json.readTree(response.body());
    assertThat(body.get("status").asInt()).isEqualTo(400);
    assertThat(body.get("error").asText()).isEqualTo("Bad Request");
    assertThat(body.get("message").asText()).isNotBlank();
    Map<String, String> fields = new LinkedHashMap<>();
    body.get("fields").forEach(f -> {
      assertThat(f.get("message").asText()).isNotBlank();
      fields.put(f.get("field").asText(), f.get("rule").asText());
    });
    return fields;
  }

  @Test
  void shippedFormRefusesMissingTooLongAndChangedReadOnlyValuesAndChangesNothing() throws Exception {
    Task task = acknowledgeTask();
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    String base = "/engine-rest/task/" + task.getId();

    assertThat(refused(http.postJson(base + "/complete", "{}", desk, TestUsers.PASSWORD)))
        .containsExactly(Map.entry("acknowledgementMessage", "required"));
    assertThat(refused(http.postJson(base + "/submit-form", variables(vars(
        "acknowledgementMessage", "\"" + "x".repeat(2001) + "\"", "String",
        "caseNumber", "\"AS-2026-999999\"", "String")), desk, TestUsers.PASSWORD)))
        .containsEntry("acknowledgementMessage", "maxLength").containsEntry("caseNumber", "readonly").hasSize(2);
    assertThat(refused(http.postJson(base + "/complete", variables(vars(
        "acknowledgementMessage", 42, "Integer")), desk, TestUsers.PASSWORD)))
        .containsExactly(Map.entry("acknowledgementMessage", "type"));

    // an encoded path reaches the same task: it is checked all the same
    String encoded = "/engine-rest/task/" + task.getId().replace("-", "%2D");
    assertThat(refused(http.postJson(encoded + "/complete", "{}", desk, TestUsers.PASSWORD)))
        .containsExactly(Map.entry("acknowledgementMessage", "required"));
    assertThat(refused(http.postJson(base + "/complete;x=1", "{}", desk, TestUsers.PASSWORD)))
        .containsExactly(Map.entry("acknowledgementMessage", "required"));
    // the form's fields are not set or cleared beside the form
    assertThat(http.putJson(base + "/variables/caseNumber", "{\"value\": \"AS-2026-999999\"}", desk,
        TestUsers.PASSWORD).statusCode()).isEqualTo(403);
    assertThat(http.postJson(base + "/localVariables", "{\"modifications\": {\"acknowledgementMessage\":"
        + " {\"value\": \"set aside\"}}}", desk, TestUsers.PASSWORD).statusCode()).isEqualTo(403);

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariable(task.getId(), "acknowledgementMessage")).isNull();
    assertThat(taskService.getVariable(task.getId(), "caseNumber")).isEqualTo(caseNumber);

    // Tasklist resends the read-only field unchanged: accepted, and the task completes.
    var done = http.postJson(base + "/submit-form", variables(vars(
        "acknowledgementMessage", "\"We have your case.\"", "String",
        "caseNumber", "\"" + caseNumber + "\"", "String")), desk, TestUsers.PASSWORD);
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  /**
   * Issue 20, finding 3: a form task took any extra variable (a category, a contract level, an
   * object nobody can read), through engine-rest and Tasklist's API alike. Now it takes exactly its
   * form's fields, and the refusal names each other one.
   */
  @Test
  void aFormTaskTakesExactlyItsFormsFields() throws Exception {
    Task task = acknowledgeTask();
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    String base = "/engine-rest/task/" + task.getId();
    Map<String, Object[]> extra = vars(
        "acknowledgementMessage", "\"We have your case.\"", "String",
        "category", "\"refund\"", "String",
        "contractLevel", "\"premium\"", "String");
    assertThat(refused(http.postJson(base + "/complete", variables(extra), desk, TestUsers.PASSWORD)))
        .containsExactly(Map.entry("category", "unknown"), Map.entry("contractLevel", "unknown"));
    var wedge = http.postJson(base + "/complete", "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"Hi\"},"
        + "\"wedge\":{\"type\":\"Object\",\"value\":\"not json at all\",\"valueInfo\":{\"objectTypeName\":"
        + "\"java.util.HashMap\",\"serializationDataFormat\":\"application/json\"}}}}", desk, TestUsers.PASSWORD);
    assertThat(wedge.statusCode()).as(wedge.body()).isEqualTo(400);
    assertThat(wedge.body()).contains("wedge");

    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", desk, TestUsers.PASSWORD)).isEqualTo(200);
    String webapp = "/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form";
    assertThat(refused(tasklist.postJson(webapp, "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"Hi\"},"
        + "\"caseNumber\":{\"value\":\"" + caseNumber + "\"},\"category\":{\"value\":\"refund\"}}}")))
        .containsExactly(Map.entry("category", "unknown"));

    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(runtimeService.getVariables(task.getProcessInstanceId())).containsEntry("category", "bug")
        .containsEntry("contractLevel", "standard").doesNotContainKey("wedge");
    var done = tasklist.postJson(webapp, "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"Hi\"},"
        + "\"caseNumber\":{\"value\":\"" + caseNumber + "\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  /**
   * A stored object that cannot be read (older data, before the checks above) no longer wedges the
   * case: Tasklist loads and submits the next form, Cockpit lists the variables as it asks for them.
   */
  @Test
  void aCaseHoldingAnUnreadableObjectStillWorksInTasklistAndCockpit() throws Exception {
    Task task = acknowledgeTask();
    String instanceId = task.getProcessInstanceId();
    String caseNumber = (String) taskService.getVariable(task.getId(), "caseNumber");
    runtimeService.setVariable(instanceId, "legacy", Variables.serializedObjectValue("not json at all")
        .objectTypeName("java.util.HashMap").serializationDataFormat("application/json").create());
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", desk, TestUsers.PASSWORD)).isEqualTo(200);
    String engine = "/camunda/api/engine/engine/default";
    var form = tasklist.get(engine + "/task/" + task.getId() + "/form-variables?deserializeValues=false");
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    var done = tasklist.postJson(engine + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"Hi\"},\"caseNumber\":{\"value\":\""
            + caseNumber + "\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    Task next = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(next.getTaskDefinitionKey()).isEqualTo("TriageCase");
    String auditor = TestUsers.ensure(identityService, "forms-auditor", "auditors");
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    var variables = cockpit.get(engine + "/variable-instance?processInstanceIdIn=" + instanceId
        + "&deserializeValues=false&firstResult=0&maxResults=50");
    assertThat(variables.statusCode()).as(variables.body()).isEqualTo(200);
    assertThat(variables.body()).contains("legacy");
    var history = cockpit.get(engine + "/history/detail?processInstanceId=" + instanceId
        + "&variableUpdates=true&deserializeValues=false&firstResult=0&maxResults=50");
    assertThat(history.statusCode()).as(history.body()).isEqualTo(200);
  }

  @Test
  void staffWhoMayNotWorkOnTheTaskGetTheEnginesAnswerNotTheFormsRules() throws Exception {
    Task task = acknowledgeTask();
    String finance = TestUsers.ensure(identityService, "forms-finance", "finance");
    var stolen = http.postJson("/engine-rest/task/" + task.getId() + "/complete", "{}", finance, TestUsers.PASSWORD);
    assertThat(stolen.statusCode()).as(stolen.body()).isEqualTo(403);
    var unknown = http.postJson("/engine-rest/task/no-such-task/complete", "{}", desk, TestUsers.PASSWORD);
    assertThat(unknown.statusCode()).as(unknown.body()).isIn(404, 500);
  }

  @Test
  void formDeployedLaterFromModelerIsEnforcedWithoutCodeChange() throws Exception {
    String bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess(LATER_KEY).camundaHistoryTimeToLive(1)
        .startEvent("Start").camundaFormRef("forms-later-start").camundaFormRefBinding("deployment")
        .userTask("Fill").camundaCandidateGroups("customer-service")
        .camundaFormRef("forms-later-fill").camundaFormRefBinding("deployment")
        .camundaTaskListenerClass("complete", RefusingTaskListener.class)
        .endEvent("End").done());
    Map<String, byte[]> files = new LinkedHashMap<>();
    files.put("forms-later.bpmn", bpmn.getBytes(StandardCharsets.UTF_8));
    files.put("forms-later-fill.form", LATER_FORM.getBytes(StandardCharsets.UTF_8));
    files.put("forms-later-start.form", LATER_START_FORM.getBytes(StandardCharsets.UTF_8));
    var deployed = http.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", LATER_KEY, "deployment-source", "Camunda Modeler"), files,
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);

    // Start form by key: the admin starts it (staff may not start arbitrary definitions).
    String start = "/engine-rest/process-definition/key/" + LATER_KEY + "/submit-form";
    assertThat(refused(http.postJson(start, variables(vars("ref", "\"R1\"", "String")),
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD))).containsExactly(Map.entry("ref", "minLength"));
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey(LATER_KEY).count();
    assertThat(before).isZero();
    var started = http.postJson(start, variables(vars("ref", "\"REF-1\"", "String")),
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).get("id").asText();
    Task task = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    String base = "/engine-rest/task/" + task.getId();

    Map<String, String> rules = refused(http.postJson(base + "/submit-form", variables(vars(
        "code", "\"abc\"", "String",
        "quantity", "\"many\"", "String",
        "color", "\"blue\"", "String",
        "note", "\"" + "n".repeat(21) + "\"", "String",
        "ref", "\"OTHER\"", "String")), desk, TestUsers.PASSWORD));
    assertThat(rules).containsEntry("code", "pattern").containsEntry("quantity", "type")
        .containsEntry("color", "options").containsEntry("note", "maxLength").containsEntry("ref", "readonly")
        .hasSize(5);
    assertThat(refused(http.postJson(base + "/complete", variables(vars(
        "quantity", 11, "Integer")), desk, TestUsers.PASSWORD)))
        .containsEntry("code", "required").containsEntry("quantity", "max").hasSize(2);
    assertThat(taskService.getVariables(task.getId())).containsOnlyKeys("ref");

    // A refusal of the task listener: 400 naming the field, not engine-rest's 500.
    Map<String, String> listener = refused(http.postJson(base + "/complete", variables(vars(
        "code", "\"ABC-12\"", "String", "note", "\"refuse\"", "String")), desk, TestUsers.PASSWORD));
    assertThat(listener).containsExactly(Map.entry("note", "accepted"));
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isEqualTo(1);
    assertThat(taskService.getVariables(task.getId())).containsOnlyKeys("ref");

    // Tasklist's own engine API, with a session login and its CSRF token.
    Webapp webapp = new Webapp();
    webapp.login(desk, TestUsers.PASSWORD);
    Map<String, String> viaTasklist = refused(webapp.postJson("/camunda/api/engine/engine/default/task/"
        + task.getId() + "/submit-form", variables(vars("code", "\"no\"", "String", "quantity", 3.5, "Double",
        "color", "\"red\"", "String"))));
    assertThat(viaTasklist).containsExactly(Map.entry("code", "pattern"));

    var done = webapp.postJson("/camunda/api/engine/engine/default/task/" + task.getId() + "/submit-form",
        variables(vars("code", "\"ABC-12\"", "String", "quantity", 3, "Long", "color", "\"green\"", "String",
            "ref", "\"REF-1\"", "String")));
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).count()).isZero();
  }

  /** A browser's session with the webapps: login, cookies and the CSRF header. */
  private final class Webapp {
    private final CookieManager cookies = new CookieManager();
    private final HttpClient client = HttpClient.newBuilder().cookieHandler(cookies).build();

    void login(String user, String password) throws Exception {
      send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).GET());
      var login = send(HttpRequest.newBuilder(uri("/camunda/api/admin/auth/user/default/login/tasklist"))
          .header("Content-Type", "application/x-www-form-urlencoded")
          .header("X-XSRF-TOKEN", csrf())
          .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
              + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
      assertThat(login.statusCode()).as(login.body()).isEqualTo(200);
      // The login starts a new session: fetch its CSRF token as Tasklist does.
      var fetched = send(HttpRequest.newBuilder(uri("/camunda/app/tasklist/default/")).header("X-XSRF-TOKEN", "Fetch")
          .GET());
      fetched.headers().firstValue("X-XSRF-TOKEN").ifPresent(token -> this.token = token);
    }

    private String token;

    HttpResponse<String> postJson(String path, String body) throws Exception {
      return send(HttpRequest.newBuilder(uri(path)).header("Content-Type", "application/json")
          .header("X-XSRF-TOKEN", csrf()).POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private String csrf() {
      if (token != null) {
        return token;
      }
      return cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).reduce((a, b) -> b).orElse("");
    }

    private URI uri(String path) {
      return URI.create("http://localhost:" + port + path);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
  }
}
