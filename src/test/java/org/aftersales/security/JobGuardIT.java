package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 20, finding 2: an auditor's {@code POST /job/{id}/execute} answered 403 while the engine counted
 * the refusal as the job failing (retries 3→2→1→0, then an incident), and a sales clerk could run the
 * history cleanup. Only a caller the engine lets update a job may make it run; nothing about the job
 * changes for anyone else, through {@code /engine-rest} or the webapps.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class JobGuardIT {

  private static final String PROCESS_KEY = "job-guard-check";
  private static final String WEBAPP_ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired AuthorizationService authorizationService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;

  Http http;
  String auditor;
  String sales;
  String reader;
  String instanceId;
  Job timer;

  @BeforeAll
  void people() {
    http = new Http(port);
    auditor = TestUsers.ensure(identityService, "jg-auditor", "auditors");
    sales = TestUsers.ensure(identityService, "jg-sales", "sales");
    reader = TestUsers.ensure(identityService, "jg-reader", "qa");
    repositoryService.createDeployment().name("job-guard-it").enableDuplicateFiltering(true)
        .addModelInstance(PROCESS_KEY + ".bpmn", Bpmn.createExecutableProcess(PROCESS_KEY)
            .camundaHistoryTimeToLive(30).startEvent().intermediateCatchEvent("Breach").timerWithDuration("P1D")
            .endEvent().done())
        .deploy();
  }

  /** A fresh first-response-like timer a day away, with its three retries. */
  @BeforeEach
  void aCaseWaitingAtATimer() {
    instanceId = runtimeService.startProcessInstanceByKey(PROCESS_KEY, "AS-2026-900300").getId();
    timer = managementService.createJobQuery().processInstanceId(instanceId).singleResult();
    assertThat(timer.getRetries()).isEqualTo(3);
  }

  @Test
  void nobodyButWhoMayUpdateTheJobMakesItRunOrWearsItsRetriesDown() {
    // A staff member who may read the case but not change it: refused with 403.
    Authorization read = authorizationService.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    read.setUserId(reader);
    read.setResource(Resources.PROCESS_INSTANCE);
    read.setResourceId(instanceId);
    read.addPermission(Permissions.READ);
    authorizationService.saveAuthorization(read);
    List<Integer> auditorAnswers = new java.util.ArrayList<>();
    List<Integer> salesAnswers = new java.util.ArrayList<>();
    List<Integer> readerAnswers = new java.util.ArrayList<>();
    try {
      for (int attempt = 0; attempt < 4; attempt++) {
        auditorAnswers.add(execute(auditor).statusCode());
        salesAnswers.add(execute(sales).statusCode());
        readerAnswers.add(execute(reader).statusCode());
      }
      WebappSession cockpit = new WebappSession(port);
      assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
      WebappSession tasklist = new WebappSession(port);
      assertThat(tasklist.login("tasklist", sales, TestUsers.PASSWORD)).isEqualTo(200);
      auditorAnswers.add(cockpit.postJson(WEBAPP_ENGINE + "/job/" + timer.getId() + "/execute", "{}").statusCode());
      salesAnswers.add(tasklist.postJson(WEBAPP_ENGINE + "/job/" + timer.getId() + "/execute", "{}").statusCode());
    } finally {
      authorizationService.deleteAuthorization(read.getId());
    }
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).as("the timer's retries").isEqualTo(3);
    assertThat(after.getExceptionMessage()).isNull();
    assertThat(runtimeService.createIncidentQuery().processInstanceId(instanceId).count()).isZero();
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).count()).isEqualTo(1);
    assertThat(auditorAnswers).containsOnly(403);
    assertThat(readerAnswers).containsOnly(403);
    assertThat(salesAnswers).as("a job sales cannot see is unknown to them").containsOnly(404);
  }

  @Test
  void retriesDueDatesSuspensionAndPriorityStayAsTheyAreForStaffAndAuditors() {
    String job = "/engine-rest/job/" + timer.getId();
    for (String user : List.of(auditor, sales)) {
      List<HttpResponse<String>> attempts = List.of(
          http.putJson(job + "/retries", "{\"retries\":0}", user, TestUsers.PASSWORD),
          http.putJson(job + "/duedate", "{\"duedate\":\"2026-01-01T00:00:00.000+0000\"}", user, TestUsers.PASSWORD),
          http.postJson(job + "/duedate/recalculate", "{}", user, TestUsers.PASSWORD),
          http.putJson(job + "/suspended", "{\"suspended\":true}", user, TestUsers.PASSWORD),
          http.putJson(job + "/priority", "{\"priority\":99}", user, TestUsers.PASSWORD),
          http.postJson("/engine-rest/job/retries", "{\"jobIds\":[\"" + timer.getId() + "\"],\"retries\":0}", user,
              TestUsers.PASSWORD));
      assertThat(attempts).allSatisfy(response -> assertThat(response.statusCode())
          .as(user + " " + response.uri() + " " + response.body()).isIn(403, 404));
    }
    Job after = managementService.createJobQuery().jobId(timer.getId()).singleResult();
    assertThat(after.getRetries()).isEqualTo(3);
    assertThat(after.getDuedate()).isEqualTo(timer.getDuedate());
    assertThat(after.isSuspended()).isFalse();
    assertThat(after.getPriority()).isEqualTo(timer.getPriority());
    assertThat(managementService.createBatchQuery().count()).isZero();
  }

  /** The history cleanup job belongs to no process: the engine had nothing to check, so anyone could run it. */
  @Test
  void onlyAdministratorsRunTheHistoryCleanup() {
    Job cleanup = historyService.findHistoryCleanupJobs().get(0);
    String job = "/engine-rest/job/" + cleanup.getId();
    for (String user : List.of(sales, auditor)) {
      List<HttpResponse<String>> attempts = List.of(
          http.postJson("/engine-rest/history/cleanup?immediatelyDue=true", "", user, TestUsers.PASSWORD),
          http.postJson(job + "/execute", "{}", user, TestUsers.PASSWORD),
          http.putJson(job + "/retries", "{\"retries\":0}", user, TestUsers.PASSWORD),
          http.putJson(job + "/suspended", "{\"suspended\":true}", user, TestUsers.PASSWORD),
          http.putJson(job + "/duedate", "{\"duedate\":\"2030-01-01T00:00:00.000+0000\"}", user,
              TestUsers.PASSWORD));
      assertThat(attempts).allSatisfy(response -> assertThat(response.statusCode())
          .as(user + " " + response.uri() + " " + response.body()).isEqualTo(403));
    }
    Job after = managementService.createJobQuery().jobId(cleanup.getId()).singleResult();
    assertThat(after.getDuedate()).isEqualTo(cleanup.getDuedate());
    assertThat(after.getRetries()).isEqualTo(cleanup.getRetries());
    assertThat(after.isSuspended()).isFalse();
    assertThat(historyService.createHistoricJobLogQuery().jobId(cleanup.getId()).successLog().count()).isZero();
    var admin = http.postJson("/engine-rest/history/cleanup?immediatelyDue=false", "", TestUsers.ADMIN,
        TestUsers.ADMIN_PASSWORD);
    assertThat(admin.statusCode()).as(admin.body()).isEqualTo(200);
  }

  private HttpResponse<String> execute(String user) {
    return http.postJson("/engine-rest/job/" + timer.getId() + "/execute", "{}", user, TestUsers.PASSWORD);
  }
}
