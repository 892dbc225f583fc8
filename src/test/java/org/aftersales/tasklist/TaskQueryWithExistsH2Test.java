package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * On H2 (the default profile's database) our task query answers as the engine's: an in-memory engine
 * with authorization checks and the plugin, a few dozen tasks, the queries Tasklist is made of.
 * TaskQueryWithExistsIT does the same, and more, on PostgreSQL.
 */
class TaskQueryWithExistsH2Test {

  static final String[] USERS = {"service", "engineer", "lead", "nobody"};

  static ProcessEngine engine;
  static TaskQueryComparison compare;

  @BeforeAll
  static void engineWithTasks() {
    TaskQueryStatements statements = new TaskQueryStatements(true);
    var configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJdbcUrl("jdbc:h2:mem:task-query-exists;DB_CLOSE_DELAY=-1");
    configuration.setProcessEngineName("task-query-exists");
    configuration.setDatabaseSchemaUpdate("create-drop");
    configuration.setJobExecutorActivate(false);
    configuration.setAuthorizationEnabled(true);
    configuration.setGroupResourceWhitelistPattern("[a-zA-Z0-9]+(-[a-zA-Z0-9]+)*");
    configuration.setProcessEnginePlugins(List.of(statements));
    engine = configuration.buildProcessEngine();
    compare = new TaskQueryComparison(engine, statements);
    assertThat(statements.active()).isTrue();

    IdentityService identity = engine.getIdentityService();
    Map<String, List<String>> groups = Map.of("service", List.of("customer-service"),
        "engineer", List.of("after-sales"), "lead", List.of("approver-lead", "customer-service"),
        "nobody", List.of());
    groups.values().stream().flatMap(List::stream).distinct()
        .forEach(group -> identity.saveGroup(identity.newGroup(group)));
    groups.forEach((user, memberOf) -> {
      identity.saveUser(identity.newUser(user));
      memberOf.forEach(group -> identity.createMembership(user, group));
    });

    engine.getRepositoryService().createDeployment()
        .addModelInstance("queue.bpmn", Bpmn.createExecutableProcess("queue").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Work").name("Work")
            .camundaCandidateGroups("${groups}").camundaCandidateUsers("${users}")
            .camundaDueDate("${due}").camundaPriority("${priority}").endEvent().done())
        .addModelInstance("other.bpmn", Bpmn.createExecutableProcess("other").camundaHistoryTimeToLive(1)
            .startEvent().userTask("Other").name("Other").endEvent().done())
        .deploy();
    String[] candidateGroups = {"customer-service", "after-sales", "approver-lead", "customer-service,after-sales", ""};
    String[] candidateUsers = {"", "engineer", "service,lead"};
    long base = System.currentTimeMillis() - 86_400_000L;
    TaskService tasks = engine.getTaskService();
    try {
      for (int i = 0; i < 40; i++) {
        ClockUtil.setCurrentTime(new Date(base + i * 1_000L));
        Map<String, Object> variables = new HashMap<>();
        variables.put("groups", candidateGroups[i % candidateGroups.length]);
        variables.put("users", candidateUsers[i % candidateUsers.length]);
        variables.put("due", i % 3 == 0 ? null : new Date(base + (i % 7 - 3) * 86_400_000L + 86_400_000L));
        variables.put("priority", 40 + (i % 3) * 10);
        variables.put("region", i % 2 == 0 ? "east" : "west");
        String instance = engine.getRuntimeService().startProcessInstanceByKey("queue", variables).getId();
        if (i % 7 == 0) {
          tasks.setAssignee(tasks.createTaskQuery().processInstanceId(instance).singleResult().getId(),
              i % 2 == 0 ? "service" : "engineer");
        }
      }
      ClockUtil.setCurrentTime(new Date(base + 100_000L));
      engine.getRuntimeService().startProcessInstanceByKey("other");
      for (int i = 0; i < 4; i++) {
        ClockUtil.setCurrentTime(new Date(base + 200_000L + i * 1_000L));
        Task task = tasks.newTask();
        task.setName("Standalone " + i);
        tasks.saveTask(task);
        if (i % 2 == 0) {
          tasks.addCandidateGroup(task.getId(), "customer-service");
        } else {
          grantEveryone(task.getId());
        }
      }
    } finally {
      ClockUtil.reset();
    }
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization byKey = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GRANT);
    byKey.setUserId("engineer");
    byKey.setResource(Resources.PROCESS_DEFINITION);
    byKey.setResourceId("other");
    byKey.addPermission(Permissions.READ_TASK);
    authorizations.saveAuthorization(byKey);
  }

  private static void grantEveryone(String taskId) {
    AuthorizationService authorizations = engine.getAuthorizationService();
    Authorization everyone = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_GLOBAL);
    everyone.setResource(Resources.TASK);
    everyone.setResourceId(taskId);
    everyone.addPermission(Permissions.READ);
    authorizations.saveAuthorization(everyone);
  }

  @AfterAll
  static void close() {
    if (engine != null) {
      engine.close();
    }
  }

  @Test
  void tasklistQueriesAnswerAsTheEngines() {
    for (String user : USERS) {
      compare.tasklistQueries(user, "queue", "other")
          .forEach((name, query) -> compare.compare(user + ": " + name, user, query));
    }
    assertThat(compare.as("nobody", () -> compare.query().count())).isEqualTo(2);
    assertThat(compare.as("service", () -> compare.query().taskCandidateGroup("customer-service").count()))
        .isPositive();
  }
}
