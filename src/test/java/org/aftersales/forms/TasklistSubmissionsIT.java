package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.builder.UserTaskBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, point 1: every form with a read-only field takes the submission Tasklist itself makes.
 *
 * <p>The fixtures in {@code tasklist-submissions/} were recorded in chromium by
 * {@code tools/e2e/capture-submissions.mjs}: the variables Tasklist read for the form and the
 * request it sent on Complete, read-only values in its own format (a stored date comes back as
 * {@code 2026-11-23T14:00:00} in the browser's zone, a number kept as text comes back as a number).
 * Each is replayed on Tasklist's engine API by the task's owner with the webapp session: it is
 * accepted and leaves the stored values and their types as they were; each read-only value really
 * changed is refused with 400 naming the field as the form labels it.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TasklistSubmissionsIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final Path FIXTURES = Path.of("src/test/resources/tasklist-submissions");

  private final ObjectMapper json = new ObjectMapper();
  private final List<String> deployments = new ArrayList<>();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @AfterAll
  void removeReplayProcesses() {
    deployments.forEach(id -> repositoryService.deleteDeployment(id, true));
  }

  @TestFactory
  Stream<DynamicTest> everyFormWithAReadOnlyFieldTakesTasklistsOwnSubmission() throws IOException {
    List<Path> fixtures;
    try (Stream<Path> files = Files.list(FIXTURES)) {
      fixtures = files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    }
    List<String> formsWithReadOnlyFields = formsWithReadOnlyFields();
    assertThat(fixtures.stream().map(f -> f.getFileName().toString().replace(".json", "")))
        .as("a recorded submission for every form with a read-only field")
        .containsExactlyInAnyOrderElementsOf(formsWithReadOnlyFields);
    return fixtures.stream().map(f -> DynamicTest.dynamicTest(f.getFileName().toString(), () -> replay(f)));
  }

  private void replay(Path file) throws Exception {
    JsonNode fixture = json.readTree(file.toFile());
    String formId = fixture.get("formId").asText();
    CamundaForm form = deployedForm(formId);
    JsonNode worker = fixture.get("worker");
    String user = TestUsers.ensure(identityService, worker.get("user").asText(), worker.get("group").asText());
    String processKey = deployReplayProcess(formId, worker);
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);
    JsonNode submission = fixture.get("submission");

    String taskId = openTask(processKey, fixture.get("taskVariables"), tasklist, user);
    Map<String, TypedValue> before = shownValues(taskId, form);
    String processInstanceId = taskService.createTaskQuery().taskId(taskId).singleResult().getProcessInstanceId();
    HttpResponse<String> accepted = tasklist.postJson(ENGINE + "/task/" + taskId + "/submit-form", submission.toString());
    assertThat(accepted.statusCode()).as(formId + ": " + accepted.body()).isEqualTo(204);
    assertThat(historicValues(processInstanceId, before.keySet()))
        .as(formId + ": the read-only values keep their stored types").isEqualTo(before);

    for (FormField field : form.fields()) {
      JsonNode sent = submission.path("variables").path(field.key()).path("value");
      if (!(field.readonly() || field.disabled()) || sent.isMissingNode() || sent.isNull()) {
        continue;
      }
      ObjectNode changed = submission.deepCopy();
      ((ObjectNode) changed.get("variables").get(field.key())).set("value", changedValue(sent));
      String another = openTask(processKey, fixture.get("taskVariables"), tasklist, user);
      HttpResponse<String> refused = tasklist.postJson(ENGINE + "/task/" + another + "/submit-form", changed.toString());
      assertThat(refused.statusCode()).as(formId + " with " + field.key() + " changed").isEqualTo(400);
      assertThat(refused.body()).contains(form.labelOf(field.key())).doesNotContain("Exception:");
      runtimeService.deleteProcessInstance(
          taskService.createTaskQuery().taskId(another).singleResult().getProcessInstanceId(), "replayed");
    }
  }

  /** Starts the replay process with the variables Tasklist read; the worker claims the task as Tasklist does. */
  private String openTask(String processKey, JsonNode variables, WebappSession tasklist, String user) throws IOException {
    HttpResponse<String> started = new Http(port).postJson("/engine-rest/process-definition/key/" + processKey + "/start",
        "{\"variables\":" + variables + "}", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = json.readTree(started.body()).get("id").asText();
    String taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    HttpResponse<String> claimed = tasklist.postJson(ENGINE + "/task/" + taskId + "/claim", "{\"userId\":\"" + user + "\"}");
    assertThat(claimed.statusCode()).as(claimed.body()).isEqualTo(204);
    return taskId;
  }

  /** A process of one user task showing the form, owned as the real task is (fixture's {@code worker}). */
  private String deployReplayProcess(String formId, JsonNode worker) {
    String key = "tasklist-replay-" + formId;
    UserTaskBuilder task = Bpmn.createExecutableProcess(key).camundaHistoryTimeToLive(1).startEvent()
        .userTask("task").name("Replay " + formId).camundaFormRef(formId).camundaFormRefBinding("latest");
    task = worker.has("candidateGroups") ? task.camundaCandidateGroups(worker.get("candidateGroups").asText())
        : task.camundaCandidateUsers(worker.get("candidateUsers").asText());
    BpmnModelInstance model = task.endEvent().done();
    deployments.add(repositoryService.createDeployment().name(key).addModelInstance(key + ".bpmn", model).deploy().getId());
    return key;
  }

  private Map<String, TypedValue> shownValues(String taskId, CamundaForm form) {
    Map<String, TypedValue> values = new TreeMap<>();
    form.fields().stream().filter(f -> f.readonly() || f.disabled()).forEach(f -> {
      TypedValue value = taskService.getVariableTyped(taskId, f.key(), true);
      if (value != null) {
        values.put(f.key(), value);
      }
    });
    return values;
  }

  /** The last values of the replay instance, which has ended: its history. */
  private Map<String, TypedValue> historicValues(String processInstanceId, Set<String> names) {
    Map<String, TypedValue> values = new TreeMap<>();
    names.forEach(name -> values.put(name, historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(processInstanceId).variableName(name).singleResult().getTypedValue()));
    return values;
  }

  /** The sent value really changed: a day later for a date, one more for a number, else other text. */
  private static JsonNode changedValue(JsonNode sent) {
    JsonNodeFactory nodes = JsonNodeFactory.instance;
    if (sent.isNumber()) {
      return nodes.numberNode(sent.decimalValue().add(BigDecimal.ONE));
    }
    if (sent.isBoolean()) {
      return nodes.booleanNode(!sent.booleanValue());
    }
    String text = sent.asText();
    try {
      return nodes.textNode(LocalDateTime.parse(text).plusDays(1).toString());
    } catch (DateTimeParseException notDateTime) {
      try {
        return nodes.textNode(LocalDate.parse(text).plusDays(1).toString());
      } catch (DateTimeParseException notDate) {
        return nodes.textNode(text + " (changed)");
      }
    }
  }

  private static CamundaForm deployedForm(String formId) throws IOException {
    try (InputStream in = TasklistSubmissionsIT.class.getResourceAsStream("/forms/" + formId + ".form")) {
      return CamundaForm.parse(in);
    }
  }

  private static List<String> formsWithReadOnlyFields() throws IOException {
    List<String> ids = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of("forms"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".form")).toList()) {
        CamundaForm form = CamundaForm.parse(Files.readAllBytes(file));
        if (form.fields().stream().anyMatch(f -> f.readonly() || f.disabled())) {
          ids.add(form.id());
        }
      }
    }
    return ids;
  }
}
