package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
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

  Http http;
  String auditor;
  String instanceId;
  String jobId;

  /** An instance waiting at a timer a day away, with a variable and its job failed into an incident. */
  @BeforeAll
  void anInstanceWithAVariableAJobAndAnIncident() {
    http = new Http(port);
    auditor = TestUsers.ensure(identityService, "ro-auditor", "auditors");
    BpmnModelInstance model = Bpmn.createExecutableProcess(PROCESS_KEY).name("Auditor read-only check")
        .camundaHistoryTimeToLive(30)
        .startEvent()
        .intermediateCatchEvent("Later").timerWithDuration("P1D")
        .endEvent()
        .done();
    repositoryService.createDeployment().name("auditor-read-only-it").enableDuplicateFiltering(true)
        .addModelInstance(PROCESS_KEY + ".bpmn", model).deploy();
    instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, "AS-2026-900200",
        Map.of("queue", "standard")).getId();
    Job job = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    jobId = job.getId();
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

  private void assertUnchanged() {
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).active().count())
        .isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceId, "queue")).isEqualTo("standard");
    assertThat(managementService.createJobQuery().jobId(jobId).singleResult().getRetries()).isZero();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).count()).isPositive();
    assertThat(historyService.createUserOperationLogQuery().userId(auditor).count()).isZero();
  }
}
