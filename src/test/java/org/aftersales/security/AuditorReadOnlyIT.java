package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 8, point 5: an auditor views everything (instances, history, variables, the operation log,
 * incidents, jobs) and changes nothing, through {@code /engine-rest} and through the webapps' own
 * engine API after a session login with the CSRF token. {@link SecurityIT} covers the auditor's task,
 * start, definition-suspension, user, authorization and deployment attempts on {@code /engine-rest};
 * this adds instances, variables and jobs, and the webapps' API.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditorReadOnlyIT {

  private static final String PROCESS_KEY = "auditor-read-only-check";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired TaskService taskService;

  Http http;
  String auditor;
  String instanceId;
  String jobId;
  String taskId;
  String deploymentId;

  /** An instance waiting at a timer a day away, with a variable and its job failed into an incident. */
  @BeforeAll
  void anInstanceWithAVariableAJobAndAnIncident() {
    http = new Http(port);
    auditor = TestUsers.ensure(identityService, "ro-auditor", "auditors");
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Auditor read-only check")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .parallelGateway("Fork")
        .userTask("Review").camundaCandidateGroups("customer-service")
        .endEvent("Reviewed")
        .moveToNode("Fork")
        .intermediateCatchEvent("Later").timerWithDuration("P1D")
        .endEvent()
        .done();
    repositoryService.createDeployment().name("auditor-read-only-it").enableDuplicateFiltering(true)
        .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
    instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, "AS-2026-900200",
        Map.of("queue", "standard")).getId();
    Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    jobId = job.getId();
    taskId = taskService.createTaskQuery().processInstanceId(instanceId).singleResult().getId();
    deploymentId = repositoryService.createProcessDefinitionQuery().processDefinitionKey(PROCESS_KEY)
        .latestVersion().singleResult().getDeploymentId();
    managementService.setJobRetries(jobId, 0);
    if (runtimeService.createIncidentQuery().processInstanceId(instanceId).count() == 0) {
      runtimeService.createIncident("auditCheck", job.getExecutionId(), jobId, "set up by the test");
    }
  }

  @Test
  void anAuditorReadsInstancesHistoryVariablesTheOperationLogIncidentsAndJobs() {
    String pw = TestUsers.PASSWORD;
    Map<String, String> reads = Map.of(
        "/engine-rest/process-instance/" + instanceId, instanceId,
        "/engine-rest/process-instance/" + instanceId + "/variables", "standard",
        "/engine-rest/variable-instance?processInstanceIdIn=" + instanceId + "&maxResults=10", "queue",
        "/engine-rest/history/process-instance?processInstanceId=" + instanceId + "&maxResults=10", instanceId,
        "/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&maxResults=10", "standard",
        "/engine-rest/history/activity-instance?processInstanceId=" + instanceId + "&maxResults=10", "Later",
        "/engine-rest/incident?processInstanceId=" + instanceId + "&maxResults=10", instanceId,
        "/engine-rest/history/incident?processInstanceId=" + instanceId + "&maxResults=10", instanceId,
        "/engine-rest/job?processInstanceId=" + instanceId + "&maxResults=10", jobId,
        "/engine-rest/history/user-operation?maxResults=10", "[");
    reads.forEach((path, expected) -> {
      var response = http.get(path, auditor, pw);
      assertThat(response.statusCode()).as(path + " " + response.body()).isEqualTo(200);
      assertThat(response.body()).as(path).contains(expected);
    });
    // The operation log holds the set-up's job retries change (done by nobody in particular) at least.
    assertThat(http.get("/engine-rest/history/user-operation/count", auditor, pw).statusCode()).isEqualTo(200);
  }

  @Test
  void anAuditorChangesNothingThroughEngineRest() {
    String pw = TestUsers.PASSWORD;
    List<HttpResponse<String>> attempts = List.of(
        http.delete("/engine-rest/process-instance/" + instanceId, auditor, pw),
        http.postJson("/engine-rest/process-instance/delete",
            "{\"processInstanceIds\":[\"" + instanceId + "\"],\"deleteReason\":\"auditor\"}", auditor, pw),
        http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/queue",
            "{\"value\":\"tampered\",\"type\":\"String\"}", auditor, pw),
        http.postJson("/engine-rest/process-instance/" + instanceId + "/variables",
            "{\"modifications\":{\"queue\":{\"value\":\"tampered\",\"type\":\"String\"}},\"deletions\":[]}",
            auditor, pw),
        http.delete("/engine-rest/process-instance/" + instanceId + "/variables/queue", auditor, pw),
        http.putJson("/engine-rest/job/" + jobId + "/retries", "{\"retries\":3}", auditor, pw),
        http.postJson("/engine-rest/job/" + jobId + "/execute", "{}", auditor, pw),
        http.putJson("/engine-rest/process-instance/" + instanceId + "/suspended", "{\"suspended\":true}",
            auditor, pw));
    assertThat(attempts).allSatisfy(response ->
        assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + " "
            + response.body()).isEqualTo(403));
    assertUnchanged();
  }

  @Test
  void anAuditorChangesNothingThroughTheWebappsApi() {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    // Reads through Cockpit's session work, a POSTed query included (so the CSRF token is accepted).
    var read = cockpit.get(WEBAPP_ENGINE + "/process-instance/" + instanceId + "/variables");
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("standard");
    var query = cockpit.postJson(WEBAPP_ENGINE + "/process-instance?firstResult=0&maxResults=10",
        "{\"processInstanceIds\":[\"" + instanceId + "\"]}");
    assertThat(query.statusCode()).as(query.body()).isEqualTo(200);
    assertThat(query.body()).contains(instanceId);
    // Cockpit's unpaged list of a definition's versions is answered (paged to the engine's cap), other
    // unpaged lists are still refused
    var versions = cockpit.get(WEBAPP_ENGINE + "/process-definition?key=" + PROCESS_KEY
        + "&sortBy=version&sortOrder=desc&withoutTenantId=true");
    assertThat(versions.statusCode()).as(versions.body()).isEqualTo(200);
    assertThat(versions.body()).contains(PROCESS_KEY);
    assertThat(cockpit.get(WEBAPP_ENGINE + "/process-instance").statusCode()).isEqualTo(400);
    assertThat(cockpit.get(WEBAPP_ENGINE + "/job?processInstanceId=" + instanceId + "&firstResult=0&maxResults=10").body()).contains(jobId);

    List<HttpResponse<String>> attempts = List.of(
        cockpit.delete(WEBAPP_ENGINE + "/process-instance/" + instanceId),
        cockpit.putJson(WEBAPP_ENGINE + "/process-instance/" + instanceId + "/variables/queue",
            "{\"value\":\"tampered\",\"type\":\"String\"}"),
        cockpit.postJson(WEBAPP_ENGINE + "/process-instance/" + instanceId + "/variables",
            "{\"modifications\":{\"queue\":{\"value\":\"tampered\",\"type\":\"String\"}}}"),
        cockpit.putJson(WEBAPP_ENGINE + "/job/" + jobId + "/retries", "{\"retries\":3}"),
        cockpit.putJson(WEBAPP_ENGINE + "/process-instance/" + instanceId + "/suspended", "{\"suspended\":true}"));
    assertThat(attempts).allSatisfy(response -> {
      assertThat(response.statusCode()).as(response.request().method() + " " + response.uri() + " "
          + response.body()).isEqualTo(403);
      // refused by the engine's authorization, not by a missing CSRF token
      assertThat(response.body()).contains("AuthorizationException");
    });
    assertUnchanged();
  }

  /**
   * Issue 20, finding 4: comments, attachments and the auditor's own profile were writable. Every
   * write route of Camunda's REST API (its OpenAPI document) is tried as the auditor on
   * {@code /engine-rest} and on the webapps' API, with real ids where the route takes one: all are
   * refused with 403 except the POSTed queries, which read.
   */
  @Test
  void anAuditorIsRefusedEveryWriteRouteOfTheRestApiAndTheWebapps() {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    List<String> wrong = new ArrayList<>();
    int tried = 0;
    for (EngineRestOpenApi.Operation operation : EngineRestOpenApi.load().operations()) {
      if (!operation.writes()) {
        continue;
      }
      String path = withIds(operation.path());
      String body = "{\"message\":\"audited\",\"value\":\"tampered\",\"type\":\"String\",\"retries\":3}";
      HttpResponse<String> rest = switch (operation.method()) {
        case "POST" -> http.postJson("/engine-rest" + path, body, auditor, TestUsers.PASSWORD);
        case "PUT" -> http.putJson("/engine-rest" + path, body, auditor, TestUsers.PASSWORD);
        default -> http.delete("/engine-rest" + path, auditor, TestUsers.PASSWORD);
      };
      HttpResponse<String> webapp = switch (operation.method()) {
        case "POST" -> cockpit.postJson(WEBAPP_ENGINE + path, body);
        case "PUT" -> cockpit.putJson(WEBAPP_ENGINE + path, body);
        default -> cockpit.delete(WEBAPP_ENGINE + path);
      };
      tried += 2;
      boolean query = isQuery(operation);
      for (HttpResponse<String> response : List.of(rest, webapp)) {
        boolean refused = response.statusCode() == 403;
        boolean refusedAsReader = refused && response.body().contains("read-only access");
        if (query ? refusedAsReader || response.statusCode() >= 500 : !refused) {
          wrong.add(operation.method() + " " + response.uri().getPath() + " -> " + response.statusCode());
        }
      }
    }
    assertThat(tried).as("write operations tried twice (REST, webapps)").isGreaterThan(350);
    assertThat(wrong).as("write routes not refused (or queries refused) for an auditor").isEmpty();
    assertUnchanged();
    assertThat(taskService.getTaskComments(taskId)).isEmpty();
    assertThat(taskService.getTaskAttachments(taskId)).isEmpty();
    assertThat(identityService.createUserQuery().userId(auditor).singleResult().getFirstName()).isEqualTo(auditor);
  }

  /** The exact writes of the finding, each with a body the engine accepts. */
  @Test
  void anAuditorAddsNoCommentOrAttachmentAndKeepsTheirProfile() {
    String pw = TestUsers.PASSWORD;
    var comment = http.postJson("/engine-rest/task/" + taskId + "/comment/create", "{\"message\":\"seen\"}",
        auditor, pw);
    var attachment = http.postMultipart("/engine-rest/task/" + taskId + "/attachment/create",
        Map.of("attachment-name", "note", "attachment-type", "text/plain", "url", "http://example.invalid/a"),
        Map.of(), auditor, pw);
    var profile = http.putJson("/engine-rest/user/" + auditor + "/profile",
        "{\"id\":\"" + auditor + "\",\"firstName\":\"Changed\",\"lastName\":\"Test\"}", auditor, pw);
    var password = http.putJson("/engine-rest/user/" + auditor + "/credentials",
        "{\"password\":\"another-secret-1\",\"authenticatedUserPassword\":\"" + pw + "\"}", auditor, pw);
    assertThat(List.of(comment, attachment, profile, password)).allSatisfy(response ->
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403));
    String existing = taskService.createAttachment("text/plain", taskId, null, "kept", "by the test",
        "http://example.invalid/kept").getId();
    var delete = http.delete("/engine-rest/task/" + taskId + "/attachment/" + existing, auditor, pw);
    assertThat(delete.statusCode()).as(delete.body()).isEqualTo(403);
    assertThat(taskService.getTaskAttachments(taskId)).extracting("id").containsExactly(existing);
    taskService.deleteAttachment(existing);
    assertThat(taskService.getTaskComments(taskId)).isEmpty();
    assertThat(identityService.createUserQuery().userId(auditor).singleResult().getFirstName()).isEqualTo(auditor);
    assertThat(identityService.checkPassword(auditor, pw)).isTrue();
  }

  private String withIds(String template) {
    String resource = template.split("/")[1];
    String id = switch (resource) {
      case "task" -> taskId;
      case "process-instance" -> instanceId;
      case "job" -> jobId;
      case "user" -> auditor;
      case "deployment" -> deploymentId;
      default -> "unknown-id";
    };
    return template.replace("{id}", id).replace("{varName}", "queue").replace("{key}", PROCESS_KEY)
        .replaceAll("\\{[^}]+}", "unknown");
  }

  private static boolean isQuery(EngineRestOpenApi.Operation operation) {
    String summary = operation.summary();
    return "POST".equals(operation.method()) && (summary.endsWith("(POST)") && !summary.startsWith("Delete")
        && !summary.startsWith("Set") && !summary.startsWith("Clean") && !summary.startsWith("Correlate")
        || summary.startsWith("Execute Filter"));
  }

  private void assertUnchanged() {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).active().count())
        .isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceId, "queue")).isEqualTo("standard");
    assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).count()).isPositive();
    assertThat(historyService.createUserOperationLogQuery().userId(auditor).count()).isZero();
  }
}
