package org.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.SmokeModel;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

/** An admin deploys from Camunda Modeler to the running engine; the process runs to its end. */
@PostgresIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class ModelerDeploymentIT {

  private static final Map<String, String> MODELER_FIELDS = Map.of(
      "deployment-name", "modeler-smoke",
      "deployment-source", "Camunda Modeler",
      "deploy-changed-only", "true");

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;

  @Test
  void adminDeploysFromModelerAndTheProcessRunsThroughTheJobExecutor(CapturedOutput output) {
    Http http = new Http(port);
    String service = TestUsers.ensure(identityService, "deploy-test-service", "customer-service");

    var deployed = http.postMultipart("/engine-rest/deployment/create", MODELER_FIELDS, SmokeModel.files(),
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(deployed.statusCode()).as(deployed.body()).isEqualTo(200);
    assertThat(deployed.body()).contains("\"key\":\"modeler-smoke\"").contains("modeler-smoke-route");

    var started = http.postJson("/engine-rest/process-definition/key/modeler-smoke/start",
        "{\"businessKey\":\"AS-2026-900001\",\"variables\":{\"amount\":{\"value\":1500,\"type\":\"Integer\"}}}",
        TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    String instanceId = started.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");

    Await.until("the async service task to run", Duration.ofSeconds(30),
        () -> taskService.createTaskQuery().processInstanceId(instanceId).count() == 1);
    Task review = taskService.createTaskQuery().processInstanceId(instanceId).singleResult();
    assertThat(review.getTaskDefinitionKey()).isEqualTo(SmokeModel.REVIEW_TASK);
    assertThat(taskService.getVariable(review.getId(), "queue")).isEqualTo("priority");
    assertThat(taskService.getVariable(review.getId(), "prepared")).isEqualTo(true);

    var form = http.get("/engine-rest/task/" + review.getId() + "/deployed-form", service, TestUsers.PASSWORD);
    assertThat(form.statusCode()).as(form.body()).isEqualTo(200);
    assertThat(form.body()).contains("\"id\"").contains("modeler-smoke-review");

    var completed = http.postJson("/engine-rest/task/" + review.getId() + "/complete",
        "{\"variables\":{\"reviewed\":{\"value\":true,\"type\":\"Boolean\"}}}", service, TestUsers.PASSWORD);
    assertThat(completed.statusCode()).as(completed.body()).isEqualTo(204);
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(instanceId).singleResult()
        .getState()).isEqualTo("COMPLETED");

    // The job executor's log lines carry the case number.
    assertThat(output.getAll()).containsPattern("\\[case=AS-2026-900001\\].*Preparing smoke case");
  }

  @Test
  void staffCannotDeploy() {
    Http http = new Http(port);
    String engineer = TestUsers.ensure(identityService, "deploy-test-engineer", "after-sales");
    long before = repositoryService.createDeploymentQuery().count();

    var refused = http.postMultipart("/engine-rest/deployment/create", MODELER_FIELDS, SmokeModel.files(),
        engineer, TestUsers.PASSWORD);

    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(repositoryService.createDeploymentQuery().count()).isEqualTo(before);
  }

  @Test
  void deployingNeedsCredentials() {
    var refused = new Http(port).postMultipart("/engine-rest/deployment/create", MODELER_FIELDS,
        SmokeModel.files(), null, null);
    assertThat(refused.statusCode()).isEqualTo(401);
    assertThat(refused.headers().firstValue("WWW-Authenticate")).hasValueSatisfying(v -> assertThat(v).startsWith("Basic"));
  }
}
