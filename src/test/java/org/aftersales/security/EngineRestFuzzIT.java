package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.Function;
import org.aftersales.security.EngineRestOpenApi.Operation;
import org.aftersales.security.EngineRestOpenApi.Parameter;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.SmokeModel;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ExternalTaskService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.repository.DecisionRequirementsDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Walks every operation of Camunda's own OpenAPI document of engine-rest (7.24) as a staff member
 * and as the administrator, with unknown and real ids, plausible bodies made from the schemas and
 * malformed ones (wrong types, broken JSON, nulls), and fails on any 5xx: malformed input must
 * get a 4xx that says what is wrong, never a 500.
 *
 * <p>Its calls are destructive (deletes, suspensions, password changes of the users it creates),
 * so it runs in its own context, database and engine ({@code fuzz}, reached as
 * {@code /engine-rest/engine/fuzz/...}, the OpenAPI document's named-engine server). It never
 * aims real ids at the users it logs in as: identity routes get dedicated victims.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@DirtiesContext
class EngineRestFuzzIT {

  private static final String ENGINE = "fuzz";
  private static final String BASE = "/engine-rest/engine/" + ENGINE;
  private static final String UNKNOWN = "fuzz-unknown-id";
  private static final String VICTIM_USER = "fuzz-victim";
  private static final String VICTIM_GROUP = "fuzz-victim-group";
  private static final String VICTIM_TENANT = "fuzzvictimtenant";
  private static final String PROCESS_KEY = "fuzz-process";
  /** The whole walk; a run that needs longer fails rather than silently covering less. */
  private static final Duration REQUEST_TIMEOUT = Duration.ofSeconds(30);

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired FilterService filterService;
  @Autowired AuthorizationService authorizationService;
  @Autowired ExternalTaskService externalTaskService;

  Http http;
  String staff;
  String outsider;
  /** (resource, path parameter) to a real id, e.g. ("task", "id"). */
  final Map<String, String> real = new HashMap<>();
  /** Body property to a real id. */
  final Map<String, String> realProperties = new HashMap<>();

  /** PostgreSQL by default; {@code -Dfuzz.database=h2} walks the same on an in-memory H2 database. */
  @DynamicPropertySource
  static void ownEngine(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> ENGINE);
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
    if ("h2".equals(System.getProperty("fuzz.database"))) {
      registry.add("spring.datasource.url", () -> "jdbc:h2:mem:fuzz;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000");
      registry.add("spring.datasource.username", () -> "sa");
      registry.add("spring.datasource.password", () -> "");
      registry.add("camunda.bpm.database.type", () -> "h2");
      registry.add("spring.datasource.hikari.connection-init-sql", () -> "SELECT 1"); // the profile's SET jit is PostgreSQL's
    } else {
      registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.createDatabase("fuzz"));
    }
  }

  @BeforeAll
  void seed() {
    http = new Http(port);
    staff = TestUsers.ensure(identityService, "fuzz-staff", "customer-service");
    outsider = TestUsers.ensure(identityService, "fuzz-outsider");
    TestUsers.ensure(identityService, VICTIM_USER);
    identityService.saveGroup(identityService.newGroup(VICTIM_GROUP));
    identityService.saveTenant(identityService.newTenant(VICTIM_TENANT));
    identityService.createMembership(VICTIM_USER, VICTIM_GROUP);

    DeploymentBuilder builder = repositoryService.createDeployment().name("fuzz")
        .addModelInstance("fuzz-process.bpmn", Bpmn.createExecutableProcess(PROCESS_KEY).camundaHistoryTimeToLive(1)
            .startEvent().userTask("FuzzReview").camundaCandidateGroups("customer-service")
            .boundaryEvent("FuzzTimeout").timerWithDuration("PT1H").endEvent()
            .moveToActivity("FuzzReview").endEvent().done())
        .addModelInstance("fuzz-external.bpmn", Bpmn.createExecutableProcess("fuzz-external")
            .camundaHistoryTimeToLive(1).startEvent().serviceTask("FuzzExternal").camundaExternalTask("fuzz-topic")
            .endEvent().done());
    for (String resource : SmokeModel.RESOURCES) {
      builder.addClasspathResource(resource);
    }
    Deployment deployment = builder.deploy();
    String instance = runtimeService.startProcessInstanceByKey(PROCESS_KEY, "FUZZ-1",
        Map.of("amount", 5, "note", "a note")).getId();
    runtimeService.startProcessInstanceByKey(PROCESS_KEY, "FUZZ-2", Map.of("amount", 6));
    runtimeService.startProcessInstanceByKey("fuzz-external");
    // A stored object variable that no longer parses: reading it deserialized fails in the engine.
    runtimeService.setVariable(instance, "broken", Variables.serializedObjectValue("{not json")
        .serializationDataFormat("application/json").objectTypeName("java.util.HashMap").create());
    Task task = taskService.createTaskQuery().processInstanceId(instance).singleResult();
    taskService.setVariableLocal(task.getId(), "amount", 7);

    put("process-definition", "id", repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .singleResult().getId());
    put("process-definition", "key", PROCESS_KEY);
    put("decision-definition", "id", repositoryService.createDecisionDefinitionQuery().list().get(0).getId());
    put("decision-definition", "key", repositoryService.createDecisionDefinitionQuery().list().get(0).getKey());
    for (DecisionRequirementsDefinition drd : repositoryService.createDecisionRequirementsDefinitionQuery().list()) {
      put("decision-requirements-definition", "id", drd.getId());
      put("decision-requirements-definition", "key", drd.getKey());
    }
    put("deployment", "id", deployment.getId());
    put("deployment", "resourceId", repositoryService.getDeploymentResources(deployment.getId()).get(0).getId());
    put("task", "id", task.getId());
    put("task", "commentId", taskService.createComment(task.getId(), instance, "a comment").getId());
    put("task", "attachmentId", taskService.createAttachment("url", task.getId(), instance, "a link", "", "http://localhost/x").getId());
    put("process-instance", "id", instance);
    put("execution", "id", instance);
    put("job", "id", managementService.createJobQuery().processInstanceId(instance).singleResult().getId());
    put("job-definition", "id", managementService.createJobDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .singleResult().getId());
    put("external-task", "id", externalTaskService.createExternalTaskQuery().singleResult().getId());
    put("incident", "id", runtimeService.createIncident("fuzz", task.getExecutionId(), "fuzz configuration").getId());
    put("variable-instance", "id", runtimeService.createVariableInstanceQuery().variableName("amount").list().get(0)
        .getId());
    put("history/variable-instance", "id", historyService.createHistoricVariableInstanceQuery().variableName("amount")
        .list().get(0).getId());
    put("history/process-instance", "id", instance);
    put("user", "id", VICTIM_USER);
    put("group", "id", VICTIM_GROUP);
    put("tenant", "id", VICTIM_TENANT);
    put("filter", "id", filterService.saveFilter(filterService.newTaskFilter("fuzz filter")
        .setQuery(taskService.createTaskQuery())).getId());
    Authorization authorization = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    authorization.setUserId(VICTIM_USER);
    authorization.setResource(Resources.PROCESS_DEFINITION);
    authorization.setResourceId(PROCESS_KEY);
    authorization.addPermission(Permissions.READ);
    put("authorization", "id", authorizationService.saveAuthorization(authorization).getId());

    realProperties.putAll(Map.of("processDefinitionId", real.get("process-definition/id"),
        "processDefinitionKey", PROCESS_KEY, "processInstanceId", instance, "executionId", instance,
        "taskId", task.getId(), "deploymentId", deployment.getId(), "jobId", real.get("job/id"),
        "jobDefinitionId", real.get("job-definition/id"), "userId", VICTIM_USER, "groupId", VICTIM_GROUP));
  }

  private void put(String resource, String parameter, String id) {
    real.put(resource + "/" + parameter, id);
  }

  @Test
  @Order(1)
  void statisticsOfAnUnknownDefinitionAnswer404() {
    // Authorization checks look the definition up and failed on a missing one (finding 8).
    for (String path : List.of("/process-definition/" + UNKNOWN + "/statistics",
        "/history/decision-requirements-definition/" + UNKNOWN + "/statistics")) {
      HttpResponse<String> answer = http.get(BASE + path, staff, TestUsers.PASSWORD);
      assertThat(answer.statusCode()).as(path).isEqualTo(404);
      assertThat(answer.body()).as(path).contains("\"type\"").contains(UNKNOWN).doesNotContain("at org.");
    }
  }

  @Test
  @Order(1)
  void anOutsiderGetsTheSameAnswerForAHiddenTaskAsForAMissingOne() {
    String hidden = real.get("task/id");
    HttpResponse<String> missing = http.delete(BASE + "/task/" + UNKNOWN, outsider, TestUsers.PASSWORD);
    HttpResponse<String> existing = http.delete(BASE + "/task/" + hidden, outsider, TestUsers.PASSWORD);

    assertThat(existing.statusCode()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(existing.body().replace(hidden, "ID")).isEqualTo(missing.body().replace(UNKNOWN, "ID"));
    assertThat(taskService.createTaskQuery().taskId(hidden).count()).isEqualTo(1);
  }

  @Test
  @Order(1)
  void aStoredVariableThatCannotBeReadAnswers400SayingHowToReadIt() {
    String instance = real.get("process-instance/id");
    HttpResponse<String> answer = http.get(BASE + "/process-instance/" + instance + "/variables/broken",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.body()).contains("deserializeValue");
    assertThat(http.get(BASE + "/process-instance/" + instance + "/variables/broken?deserializeValue=false",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).statusCode()).isEqualTo(200);
  }

  @Test
  @Order(2)
  void everyOperationOfTheOpenApiDocumentAnswersBelow500() {
    EngineRestOpenApi api = EngineRestOpenApi.load();
    List<Operation> operations = new ArrayList<>(api.operations());
    assertThat(operations).as("operations in Camunda's OpenAPI document").hasSizeGreaterThan(350);
    // Deletes last, so the other operations still find the real resources.
    operations.sort((a, b) -> Boolean.compare(a.method().equals("DELETE"), b.method().equals("DELETE")));

    Walk walk = new Walk(api);
    for (String user : List.of(staff, TestUsers.ADMIN)) {
      String password = user.equals(TestUsers.ADMIN) ? TestUsers.ADMIN_PASSWORD : TestUsers.PASSWORD;
      for (Operation operation : operations) {
        walk.operation(operation, user, password);
      }
    }
    String summary = "OpenAPI " + api.version() + ": " + operations.size() + " operations, " + walk.requests
        + " requests in " + walk.elapsed().toSeconds() + " s, by status class " + walk.byClass;
    System.out.println("EngineRestFuzzIT " + summary);
    walk.failures.forEach(failure -> System.out.println("EngineRestFuzzIT 5xx " + failure));
    assertThat(walk.failures).as(summary + "\n5xx answers").isEmpty();
  }

  /** One walk over the operations: sends the variants and keeps counts and every 5xx. */
  private final class Walk {
    final EngineRestOpenApi api;
    final long started = System.nanoTime();
    final Map<String, Integer> byClass = new TreeMap<>();
    final List<String> failures = new ArrayList<>();
    int requests;

    Walk(EngineRestOpenApi api) {
      this.api = api;
    }

    Duration elapsed() {
      return Duration.ofNanos(System.nanoTime() - started);
    }

    void operation(Operation op, String user, String password) {
      Function<String, Optional<String>> own = name -> name.equals("authenticatedUserPassword")
          ? Optional.of(password) : Optional.empty();
      Function<String, Optional<String>> realIds = name -> own.apply(name)
          .or(() -> Optional.ofNullable(realProperties.get(name)));
      Map<String, String> unknownPath = pathValues(op, false);
      Map<String, String> realPath = pathValues(op, true);
      Map<String, String> plausibleQuery = new LinkedHashMap<>();
      Map<String, String> wrongQuery = new LinkedHashMap<>();
      Map<String, String> emptyQuery = new LinkedHashMap<>();
      for (Parameter parameter : op.in("query")) {
        plausibleQuery.put(parameter.name(), api.plausibleQueryValue(parameter, realIds));
        api.wrongQueryValue(parameter.schema()).ifPresent(value -> wrongQuery.put(parameter.name(), value));
        emptyQuery.put(parameter.name(), "");
      }

      send(op, user, password, "unknown ids, no body", unknownPath, Map.of(), op.bodySchema() == null ? null : "");
      if (op.multipart()) {
        multipart(op, user, password, unknownPath, realPath);
        return;
      }
      if (op.bodySchema() != null) {
        send(op, user, password, "unknown ids, {}", unknownPath, Map.of(), "{}");
      }
      send(op, user, password, "unknown ids, plausible", unknownPath, plausibleQuery, body(op, own));
      send(op, user, password, "real ids, plausible", realPath, plausibleQuery, body(op, realIds));
      send(op, user, password, "wrong types", realPath, wrongQuery,
          op.bodySchema() == null ? null : write(wrongTypes(op)));
      send(op, user, password, "nulls and empty values", realPath, emptyQuery,
          op.bodySchema() == null ? null : write(api.nulls(op.bodySchema())));
      if (op.bodySchema() != null) {
        send(op, user, password, "malformed JSON", realPath, Map.of(), "{\"broken\": [");
        send(op, user, password, "a list for an object", realPath, Map.of(), "[]");
        send(op, user, password, "JSON null", realPath, Map.of(), "null");
      }
    }

    private JsonNode wrongTypes(Operation op) {
      return EngineRestOpenApi.isObject(op.bodySchema()) ? api.wrongTypes(op.bodySchema())
          : api.wrongType(op.bodySchema());
    }

    private String body(Operation op, Function<String, Optional<String>> known) {
      return op.bodySchema() == null ? null : write(api.plausible("body", op.bodySchema(), known));
    }

    private void multipart(Operation op, String user, String password, Map<String, String> unknownPath,
        Map<String, String> realPath) {
      byte[] bpmn = Bpmn.convertToString(Bpmn.createExecutableProcess("fuzz-uploaded").camundaHistoryTimeToLive(1)
          .startEvent().endEvent().done()).getBytes(StandardCharsets.UTF_8);
      Map<String, byte[]> plausible = new LinkedHashMap<>();
      for (String part : api.properties(op.bodySchema()).keySet()) {
        plausible.put(part, switch (part) {
          case "data", "content" -> "some bytes".getBytes(StandardCharsets.UTF_8);
          case "valueType" -> "Bytes".getBytes(StandardCharsets.UTF_8);
          case "deploy-changed-only", "enable-duplicate-filtering" -> "true".getBytes(StandardCharsets.UTF_8);
          default -> ("a " + part).getBytes(StandardCharsets.UTF_8);
        });
      }
      if (op.path().startsWith("/deployment")) {
        plausible.put("fuzz-uploaded.bpmn", bpmn);
      }
      Map<String, byte[]> malformed = new LinkedHashMap<>();
      plausible.keySet().forEach(part -> malformed.put(part, "notAValue".getBytes(StandardCharsets.UTF_8)));
      malformed.put("broken.bpmn", "<not-xml".getBytes(StandardCharsets.UTF_8));
      sendMultipart(op, user, password, "unknown ids, plausible parts", unknownPath, plausible);
      sendMultipart(op, user, password, "real ids, plausible parts", realPath, plausible);
      sendMultipart(op, user, password, "malformed parts", realPath, malformed);
      sendMultipart(op, user, password, "no parts", realPath, Map.of());
      send(op, user, password, "JSON instead of parts", realPath, Map.of(), "{}");
    }

    private void sendMultipart(Operation op, String user, String password, String variant, Map<String, String> path,
        Map<String, byte[]> parts) {
      String boundary = "----fuzz" + UUID.randomUUID();
      ByteArrayOutputStream body = new ByteArrayOutputStream();
      parts.forEach((name, content) -> {
        boolean file = name.contains(".") || name.equals("data") || name.equals("content");
        body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\""
            + (file ? "; filename=\"" + name + "\"\r\nContent-Type: application/octet-stream" : "") + "\r\n\r\n")
            .getBytes(StandardCharsets.UTF_8));
        body.writeBytes(content);
        body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
      });
      body.writeBytes(("--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
      exchange(op, user, variant, http.request(uri(op, path, Map.of()), user, password)
          .header("Content-Type", "multipart/form-data; boundary=" + boundary)
          .method(op.method(), HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())));
    }

    private void send(Operation op, String user, String password, String variant, Map<String, String> path,
        Map<String, String> query, String body) {
      HttpRequest.Builder request = http.request(uri(op, path, query), user, password)
          .header("Accept", "application/json");
      if (body == null) {
        request.method(op.method(), HttpRequest.BodyPublishers.noBody());
      } else {
        request.header("Content-Type", "application/json")
            .method(op.method(), HttpRequest.BodyPublishers.ofString(body));
      }
      exchange(op, user, variant, request);
    }

    private void exchange(Operation op, String user, String variant, HttpRequest.Builder request) {
      requests++;
      HttpResponse<String> answer;
      try {
        answer = http.send(request.timeout(REQUEST_TIMEOUT));
      } catch (RuntimeException e) {
        failures.add(op + " [" + variant + "] as " + user + ": no answer (" + e + ")");
        byClass.merge("none", 1, Integer::sum);
        return;
      }
      byClass.merge(answer.statusCode() / 100 + "xx", 1, Integer::sum);
      if (answer.statusCode() >= 500) {
        String message = answer.body().length() > 300 ? answer.body().substring(0, 300) : answer.body();
        failures.add(op + " [" + variant + "] as " + user + ": " + answer.statusCode() + " " + message);
      }
    }

    private String uri(Operation op, Map<String, String> path, Map<String, String> query) {
      String resolved = op.path();
      for (Map.Entry<String, String> value : path.entrySet()) {
        resolved = resolved.replace("{" + value.getKey() + "}", encode(value.getValue()));
      }
      StringBuilder uri = new StringBuilder(BASE).append(resolved);
      String separator = "?";
      for (Map.Entry<String, String> parameter : query.entrySet()) {
        uri.append(separator).append(encode(parameter.getKey())).append('=').append(encode(parameter.getValue()));
        separator = "&";
      }
      return uri.toString();
    }

    /** Path parameter values: the unknown id, or the real one for that resource where there is one. */
    private Map<String, String> pathValues(Operation op, boolean useReal) {
      String[] segments = op.path().substring(1).split("/");
      String resource = segments[0].equals("history") && segments.length > 1 ? "history/" + segments[1] : segments[0];
      Map<String, String> values = new LinkedHashMap<>();
      for (Parameter parameter : op.in("path")) {
        String name = parameter.name();
        String value = UNKNOWN;
        if (useReal) {
          value = switch (name) {
            case "varName" -> "amount";
            case "tenant-id" -> VICTIM_TENANT;
            case "userId" -> VICTIM_USER;
            case "groupId" -> VICTIM_GROUP;
            default -> Optional.ofNullable(real.get(resource + "/" + name)).orElse(UNKNOWN);
          };
        }
        values.put(name, value);
      }
      return values;
    }
  }

  private String write(JsonNode node) {
    try {
      return json.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }
}
