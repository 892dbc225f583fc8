package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.SmokeModel;
import org.aftersales.testsupport.TestBeans.ExpressionProbe;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** DESIGN §5 as an outside client meets it: authentication, authorization, expression guard. */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SecurityIT {

  private static final String PROBE = "${expressionProbe.touch()}";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired ExpressionProbe probe;

  Http http;
  String service;
  String finance;
  String auditor;
  String instanceId;
  Task review;

  @BeforeAll
  void startACaseWaitingForCustomerService() {
    http = new Http(port);
    service = TestUsers.ensure(identityService, "sec-service", "customer-service");
    finance = TestUsers.ensure(identityService, "sec-finance", "finance");
    auditor = TestUsers.ensure(identityService, "sec-auditor", "auditors");
    DeploymentBuilder deployment = repositoryService.createDeployment().name("security-it").enableDuplicateFiltering(true);
    for (String resource : SmokeModel.RESOURCES) {
      deployment.addClasspathResource(resource);
    }
    deployment.deploy();
    instanceId = runtimeService.startProcessInstanceByKey(SmokeModel.PROCESS_KEY, "AS-2026-900100",
        Map.of("amount", 10)).getId();
    Await.until("the review task", Duration.ofSeconds(30),
        () -> taskService.createTaskQuery().processInstanceId(instanceId).count() == 1);
    review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
  }

  @Test
  void restAndApiNeedCredentials() {
    assertThat(http.get("/engine-rest/task?maxResults=10", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/api/cases/AS-2026-000001", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task?maxResults=10", service, "wrong-password").statusCode()).isEqualTo(401);
    assertThat(http.get("/engine-rest/task?maxResults=10", "nobody", "x").statusCode()).isEqualTo(401);
    var malformed = http.send(http.request("/engine-rest/task", null, null).header("Authorization", "Basic !!!").GET());
    assertThat(malformed.statusCode()).isEqualTo(401);
  }

  @Test
  void staffSeeAndWorkOnlyTheirGroupsTasks() {
    String query = "/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10";
    assertThat(http.get(query, service, TestUsers.PASSWORD).body()).contains(review.getId());
    var other = http.get(query, finance, TestUsers.PASSWORD);
    assertThat(other.statusCode()).isEqualTo(200);
    assertThat(other.body()).isEqualTo("[]");

    var stolen = http.postJson("/engine-rest/task/" + review.getId() + "/complete", "{}", finance, TestUsers.PASSWORD);
    assertThat(stolen.statusCode()).isEqualTo(403);
    assertThat(taskService.createTaskQuery().taskId(review.getId()).count()).isEqualTo(1);
  }

  @Test
  void auditorsReadEverythingIncludingHistory() {
    assertThat(http.get("/engine-rest/process-instance?processInstanceIds=" + instanceId + "&maxResults=10",
        auditor, TestUsers.PASSWORD).body()).contains(instanceId);
    assertThat(http.get("/engine-rest/history/process-instance?processInstanceId=" + instanceId + "&maxResults=10",
        auditor, TestUsers.PASSWORD).body()).contains(instanceId);
    assertThat(http.get("/engine-rest/history/activity-instance?processInstanceId=" + instanceId + "&maxResults=50",
        auditor, TestUsers.PASSWORD).body()).contains("PrepareSmoke");
    assertThat(http.get("/engine-rest/task?processInstanceId=" + instanceId + "&maxResults=10",
        auditor, TestUsers.PASSWORD).body()).contains(review.getId());
    assertThat(http.get("/engine-rest/history/variable-instance?processInstanceId=" + instanceId + "&maxResults=50",
        auditor, TestUsers.PASSWORD).body()).contains("queue");
    assertThat(http.get("/engine-rest/history/user-operation?maxResults=10",
        auditor, TestUsers.PASSWORD).statusCode()).isEqualTo(200);
    assertThat(http.get("/engine-rest/decision-definition?maxResults=10",
        auditor, TestUsers.PASSWORD).body()).contains("modeler-smoke-route");
  }

  @Test
  void auditorsChangeNothing() {
    String pw = TestUsers.PASSWORD;
    String definitionId = runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getProcessDefinitionId();
    List<HttpResponse<String>> attempts = List.of(
        http.delete("/engine-rest/process-instance/" + instanceId, auditor, pw),
        http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/queue",
            "{\"value\":\"tampered\",\"type\":\"String\"}", auditor, pw),
        http.postJson("/engine-rest/task/" + review.getId() + "/complete", "{}", auditor, pw),
        http.postJson("/engine-rest/task/" + review.getId() + "/claim", "{\"userId\":\"" + auditor + "\"}", auditor, pw),
        http.postJson("/engine-rest/process-definition/" + definitionId + "/start", "{}", auditor, pw),
        http.putJson("/engine-rest/process-definition/" + definitionId + "/suspended",
            "{\"suspended\":true,\"includeProcessInstances\":true}", auditor, pw),
        http.postJson("/engine-rest/user/create",
            "{\"profile\":{\"id\":\"intruder\"},\"credentials\":{\"password\":\"intruder-pw\"}}", auditor, pw),
        http.postJson("/engine-rest/authorization/create",
            "{\"type\":1,\"permissions\":[\"ALL\"],\"userId\":\"" + auditor + "\",\"resourceType\":0,\"resourceId\":\"*\"}",
            auditor, pw),
        http.postMultipart("/engine-rest/deployment/create", Map.of("deployment-name", "auditor"),
            SmokeModel.files(), auditor, pw));
    assertThat(attempts).allSatisfy(response ->
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(403));

    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(instanceId).active().count()).isEqualTo(1);
    assertThat(runtimeService.getVariable(instanceId, "queue")).isEqualTo("standard");
    assertThat(taskService.createTaskQuery().taskId(review.getId()).singleResult().getAssignee()).isNull();
    assertThat(identityService.createUserQuery().userId("intruder").count()).isZero();
  }

  @Test
  void theEngineItselfWouldEvaluateAnExpressionInOrQueries() {
    // Control for the guard tests below: the probe does count an evaluation.
    int before = probe.calls();
    taskService.createTaskQuery().or().taskAssigneeExpression(PROBE).endOr().list();
    assertThat(probe.calls()).isGreaterThan(before);
  }

  @Test
  void expressionsInOrQueriesAreRefusedAndNotEvaluated() {
    int before = probe.calls();
    String body = "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}";

    var rest = http.postJson("/engine-rest/task", body, service, TestUsers.PASSWORD);
    var count = http.postJson("/engine-rest/task/count", body, service, TestUsers.PASSWORD);
    var nested = http.postJson("/engine-rest/task",
        "{\"active\":true,\"orQueries\":[{\"name\":\"x\"},{\"candidateUserExpression\":\"" + PROBE + "\"}]}",
        service, TestUsers.PASSWORD);
    var webapp = http.postJson("/camunda/api/engine/engine/default/task", body, null, null);

    assertThat(List.of(rest, count, nested, webapp)).allSatisfy(response -> {
      assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400);
      assertThat(response.body()).contains("Expressions are not allowed");
    });
    assertThat(probe.calls()).isEqualTo(before);
  }

  @Test
  void expressionsInFilterQueriesAndParametersAreRefused() {
    int before = probe.calls();
    Filter filter = filterService.createTaskFilterQuery().list().get(0);

    var extended = http.postJson("/engine-rest/filter/" + filter.getId() + "/list?maxResults=10",
        "{\"orQueries\":[{\"assigneeExpression\":\"" + PROBE + "\"}]}", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    var parameter = http.get("/engine-rest/task?maxResults=10&assigneeExpression=%24%7BexpressionProbe.touch()%7D",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    var created = http.postJson("/engine-rest/filter/create",
        "{\"resourceType\":\"Task\",\"name\":\"evil\",\"query\":{\"assigneeExpression\":\"" + PROBE + "\"}}",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);

    assertThat(List.of(extended, parameter, created)).allSatisfy(response ->
        assertThat(response.statusCode()).as(response.uri() + " " + response.body()).isEqualTo(400));
    assertThat(probe.calls()).isEqualTo(before);
    assertThat(filterService.createFilterQuery().filterName("evil").count()).isZero();
  }

  @Test
  void expressionsCannotBeStoredInAFilterEvenPastTheRestGuard() {
    int before = probe.calls();
    Filter stored = filterService.newTaskFilter("stored-expression")
        .setQuery(taskService.createTaskQuery().taskAssigneeExpression(PROBE));

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> filterService.saveFilter(stored))
        .hasMessageContaining("Expressions are forbidden in stored queries");
    assertThat(filterService.createFilterQuery().filterName("stored-expression").count()).isZero();
    assertThat(probe.calls()).isEqualTo(before);
  }

  @Test
  void variableValuesMayContainExpressionTextAsData() {
    var set = http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/note",
        "{\"value\":\"customer typed ${not-code}\",\"type\":\"String\"}", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(set.statusCode()).as(set.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(instanceId, "note")).isEqualTo("customer typed ${not-code}");
  }

  @Test
  void javaSerializedVariablesAreRefused() {
    var serialized = http.putJson("/engine-rest/process-instance/" + instanceId + "/variables/payload",
        "{\"value\":\"rO0ABXQABWhlbGxv\",\"type\":\"Object\",\"valueInfo\":{\"objectTypeName\":\"java.lang.String\","
            + "\"serializationDataFormat\":\"application/x-java-serialized-object\"}}",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(serialized.statusCode()).as(serialized.body()).isEqualTo(400);
    assertThat(serialized.body()).contains("serializationDataFormat");
    assertThat(runtimeService.getVariable(instanceId, "payload")).isNull();
  }

  @Test
  void queryResultsAreCapped() {
    var unbounded = http.get("/engine-rest/process-definition", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    var tooMany = http.get("/engine-rest/process-definition?maxResults=100000", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    var paged = http.get("/engine-rest/process-definition?maxResults=2000", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(unbounded.statusCode()).isEqualTo(400);
    assertThat(tooMany.statusCode()).isEqualTo(400);
    assertThat(paged.statusCode()).isEqualTo(200);
  }

  @Test
  void webappsKeepCsrfProtectionAndSecurityHeaders() {
    var page = http.get("/camunda/app/tasklist/default/", null, null);
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.headers().firstValue("Content-Security-Policy")).isPresent();
    assertThat(page.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
    assertThat(page.headers().firstValue("X-XSS-Protection")).isPresent();

    var loginWithoutToken = http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist", null, null)
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(java.net.http.HttpRequest.BodyPublishers.ofString(
            "username=" + TestUsers.ADMIN + "&password=" + TestUsers.ADMIN_PASSWORD)));
    assertThat(loginWithoutToken.statusCode()).isEqualTo(403);
    assertThat(loginWithoutToken.headers().firstValue("X-XSRF-TOKEN")).contains("Required");
  }

  @Test
  void metricsAreForAdministratorsAndAuditors() {
    assertThat(http.get("/actuator/prometheus", null, null).statusCode()).isEqualTo(401);
    assertThat(http.get("/actuator/prometheus", service, TestUsers.PASSWORD).statusCode()).isEqualTo(403);
    var scraped = http.get("/actuator/prometheus", auditor, TestUsers.PASSWORD);
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("camunda_jobs_executed_total").contains("camunda_incidents_open")
        .contains("aftersales_outbox_messages{status=\"dead\"}");
    assertThat(http.get("/actuator/health", null, null).statusCode()).isEqualTo(200);
  }
}
