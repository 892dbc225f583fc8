package org.aftersales.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' engine API ({@code /camunda/api/engine}) is engine-rest again in a Jersey
 * application of its own: the client's mistakes answer 4xx there too.
 */
@PostgresIntegrationTest
class WebappEngineApiErrorsIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;

  @Test
  void anUnknownJobAndAMissingFieldAnswer4xx() {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isEqualTo(200);

    HttpResponse<String> unknownJob = cockpit.putJson(ENGINE + "/job/no-such-job/duedate", "{\"duedate\": null}");
    assertThat(unknownJob.statusCode()).as(unknownJob.body()).isEqualTo(404);
    assertThat(unknownJob.body()).contains("no-such-job");

    HttpResponse<String> noRetries = cockpit.putJson(ENGINE + "/job/no-such-job/retries", "{}");
    assertThat(noRetries.statusCode()).as(noRetries.body()).isEqualTo(400);
    assertThat(noRetries.body()).contains("retries");
  }

  @Test
  void aTaskHiddenFromTheCallerCannotBeToldFromAMissingOne() {
    String finance = TestUsers.ensure(identityService, "webapp-errors-finance", "finance");
    repositoryService.createDeployment().name("webapp-errors").enableDuplicateFiltering(true)
        .addModelInstance("webapp-errors.bpmn", Bpmn.createExecutableProcess("webapp-errors").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Hidden").camundaCandidateGroups("customer-service").endEvent().done())
        .deploy();
    String instance = runtimeService.startProcessInstanceByKey("webapp-errors").getId();
    String hidden = taskService.createTaskQuery().processInstanceId(instance).singleResult().getId();
    WebappSession tasklist = new WebappSession(port);
    assertThat(tasklist.login("tasklist", finance, TestUsers.PASSWORD)).isEqualTo(200);

    HttpResponse<String> missing = tasklist.delete(ENGINE + "/task/no-such-task");
    HttpResponse<String> existing = tasklist.delete(ENGINE + "/task/" + hidden);

    assertThat(existing.statusCode()).as(existing.body()).isEqualTo(404).isEqualTo(missing.statusCode());
    assertThat(existing.body().replace(hidden, "ID")).isEqualTo(missing.body().replace("no-such-task", "ID"));
    assertThat(taskService.createTaskQuery().taskId(hidden).count()).isEqualTo(1);
  }
}
