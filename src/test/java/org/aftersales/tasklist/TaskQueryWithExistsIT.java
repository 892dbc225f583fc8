package org.aftersales.tasklist;

import static org.aftersales.tasklist.TaskQueryComparison.assertSame;
import static org.aftersales.tasklist.TaskQueryComparison.key;
import static org.aftersales.tasklist.TaskQueryComparison.rows;
import static org.assertj.core.api.Assertions.assertThat;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.aftersales.AftersalesApplication;
import org.aftersales.tasklist.TaskQueryComparison.Answer;
import org.aftersales.tasklist.TaskQueryComparison.Row;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Our task query (TaskQueryStatements) answers exactly as the engine's own: the same tasks, in the
 * same order, with the same counts, for the demo's staff users, their Tasklist filters (Java API and
 * {@code POST /filter/{id}/list}) and the criteria Tasklist sends, on real PostgreSQL. Each query
 * runs with our statements and again with the engine's, in one application on its own database.
 */
class TaskQueryWithExistsIT {

  static final String PROCESS = "tq-queue";
  static final String OTHER_PROCESS = "tq-other";
  static final String[] USERS = {"service", "engineer", "lead", "tq-all", "tq-none"};
  static final int PAGE = TaskQueryComparison.PAGE;

  static ConfigurableApplicationContext context;
  static ProcessEngine engine;
  static TaskQueryStatements statements;
  static Http http;
  static TaskQueryComparison compare;
  static final ObjectMapper json = new ObjectMapper();

  @BeforeAll
  static void startWithTasks() {
    String url = EmbeddedPostgresSupport.createDatabase("task_query_exists");
    context = new SpringApplicationBuilder(AftersalesApplication.class)
        .profiles("postgres", "demo")
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--camunda.bpm.job-execution.enabled=false");
    engine = context.getBean(ProcessEngine.class);
    statements = context.getBean(TaskQueryStatements.class);
    compare = new TaskQueryComparison(engine, statements);
    http = new Http(Integer.parseInt(context.getEnvironment().getProperty("local.server.port")));
    createTasksAndAuthorizations();
  }

  @AfterAll
  static void stop() {
    ClockUtil.reset();
    if (context != null) {
      context.close();
    }
  }

  /** Tasks of two models and standalone ones, offered to groups and people in many combinations. */
  private static void createTasksAndAuthorizations() {
    IdentityService identity = engine.getIdentityService();
    for (String user : new String[] {"tq-all", "tq-none"}) {
      var created = identity.newUser(user);
      created.setPassword("tq-secret-1");
      identity.saveUser(created);
    }
    engine.getRepositoryService().createDeployment()
        .addModelInstance(PROCESS + ".bpmn", Bpmn.createExecutableProcess(PROCESS).camundaHistoryTimeToLive(1)
            .startEvent().userTask("Work").name("Work")
            .camundaCandidateGroups("${groups}").camundaCandidateUsers("${users}")
            .camundaDueDate("${due}").camundaFollowUpDate("${followUp}").camundaPriority("${priority}")
            .endEvent().done())
        .addModelInstance(OTHER_PROCESS + ".bpmn", Bpmn.createExecutableProcess(OTHER_PROCESS)
            .camundaHistoryTimeToLive(1).startEvent().userTask("Other").name("Other").endEvent().done())
        .deploy();

    String[] groups = {"customer-service", "after-sales", "approver-lead", "customer-service,after-sales", "qa", ""};
    String[] users = {"", "engineer", "service,lead", ""};
    long base = System.currentTimeMillis() - 86_400_000L;
    TaskService tasks = engine.getTaskService();
    List<String> standalone = new ArrayList<>();
    try {
      for (int i = 0; i < 120; i++) {
        ClockUtil.setCurrentTime(new Date(base + i * 1_000L));
        Map<String, Object> variables = new LinkedHashMap<>();
        variables.put("groups", groups[i % groups.length]);
        variables.put("users", users[i % users.length]);
        variables.put("due", i % 3 == 0 ? null : new Date(base + (i % 7 - 3) * 86_400_000L + 86_400_000L));
        variables.put("followUp", i % 4 == 0 ? null : new Date(base + (i % 5) * 3_600_000L));
        variables.put("priority", 40 + (i % 3) * 10);
        variables.put("region", i % 2 == 0 ? "east" : "west");
        String instance = engine.getRuntimeService().startProcessInstanceByKey(PROCESS, "TQ-" + i, variables).getId();
        if (i % 9 == 0) {
          Task task = tasks.createTaskQuery().processInstanceId(instance).singleResult();
          tasks.setAssignee(task.getId(), i % 2 == 0 ? "service" : "engineer");
        }
      }
      for (int i = 0; i < 6; i++) {
        ClockUtil.setCurrentTime(new Date(base + 200_000L + i * 1_000L));
        engine.getRuntimeService().startProcessInstanceByKey(OTHER_PROCESS, "TQ-other-" + i);
      }
      for (int i = 0; i < 12; i++) {
        ClockUtil.setCurrentTime(new Date(base + 300_000L + i * 1_000L));
        Task task = tasks.newTask();
        task.setName("Standalone " + i);
        task.setPriority(50);
        tasks.saveTask(task);
        standalone.add(task.getId());
        if (i % 3 == 0) {
          tasks.addCandidateGroup(task.getId(), "customer-service");
        } else if (i % 3 == 1) {
          tasks.addCandidateUser(task.getId(), "lead");
        } else if (i == 5) {
          tasks.setAssignee(task.getId(), "service");
        }
      }
    } finally {
      ClockUtil.reset();
    }

    AuthorizationService authorizations = engine.getAuthorizationService();
    // everything, by a global grant
    grant(authorizations, "tq-all", null, Resources.TASK, "*", Permissions.READ);
    // the tasks of a model, by its key (the D.KEY_ of the check)
    grant(authorizations, "engineer", null, Resources.PROCESS_DEFINITION, OTHER_PROCESS, Permissions.READ_TASK);
    // one task to a group and one to every user ('*')
    grant(authorizations, null, "approver-lead", Resources.TASK, standalone.get(2), Permissions.READ);
    grant(authorizations, "*", null, Resources.TASK, standalone.get(4), Permissions.READ);
  }

  static void grant(AuthorizationService authorizations, String user, String group, Resources resource, String id,
      Permissions permission) {
    Authorization authorization = authorizations.createNewAuthorization(
        "*".equals(user) ? Authorization.AUTH_TYPE_GLOBAL : Authorization.AUTH_TYPE_GRANT);
    if (!"*".equals(user)) {
      authorization.setUserId(user);
      authorization.setGroupId(group);
    }
    authorization.setResource(resource);
    authorization.setResourceId(id);
    authorization.addPermission(permission);
    authorizations.saveAuthorization(authorization);
  }

  @Test
  void theEnginesTaskQueryRunsOurStatementWithExists() {
    assertThat(statements.active()).isTrue();
    Logger sql = (Logger) LoggerFactory.getLogger(TaskQueryStatements.NAMESPACE);
    Level before = sql.getLevel();
    ListAppender<ILoggingEvent> appender = new ListAppender<>();
    appender.start();
    sql.addAppender(appender);
    sql.setLevel(Level.DEBUG);
    try {
      compare.as("service", () -> engine.getTaskService().createTaskQuery().taskCandidateGroup("customer-service")
          .orderByTaskCreateTime().desc().listPage(0, PAGE));
    } finally {
      sql.detachAppender(appender);
      sql.setLevel(before);
    }
    String statement = appender.list.stream().map(ILoggingEvent::getFormattedMessage)
        .filter(message -> message.contains("Preparing:")).findFirst().orElseThrow();
    // the authorization check and the identity links per task, so no DISTINCT: the sort's index can stop early
    assertThat(statement).contains("EXISTS").containsPattern("A\\.RESOURCE_ID_\\s+IN\\s*\\(\\s*RES\\.ID_")
        .doesNotContain("AUTH ON").doesNotContainPattern("(?i)select\\s+distinct");
  }

  @Test
  void javaApiQueriesAnswerAsTheEngines() {
    for (String user : USERS) {
      compare.tasklistQueries(user, PROCESS, OTHER_PROCESS)
          .forEach((name, query) -> compare.compare(user + ": " + name, user, query));
    }
    assertThat(compare.compared).hasSizeGreaterThan(80);
  }

  @Test
  void seededFiltersAnswerAsTheEngines() {
    for (String user : USERS) {
      List<Filter> filters = compare.as(user,
          () -> engine.getFilterService().createTaskFilterQuery().listPage(0, 200));
      if (!"tq-none".equals(user) && !"tq-all".equals(user)) {
        assertThat(filters).as(user + "'s filters").hasSizeGreaterThanOrEqualTo(4);
      }
      for (Filter filter : filters) {
        String name = user + ": filter " + filter.getName();
        FilterService service = engine.getFilterService();
        Answer ours = compare.as(user, () -> new Answer(
            rows(service.<Task>listPage(filter.getId(), 0, PAGE)), service.count(filter.getId())));
        Answer engines = compare.withEngineStatements(() -> compare.as(user, () -> new Answer(
            rows(service.<Task>listPage(filter.getId(), 0, PAGE)), service.count(filter.getId()))));
        assertSame(name, engines, ours);
      }
    }
  }

  @Test
  void restFilterListsAnswerAsTheEngines() throws Exception {
    List<String> sortings = List.of(
        "[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]",
        "[{\"sortBy\":\"priority\",\"sortOrder\":\"desc\"},{\"sortBy\":\"created\",\"sortOrder\":\"asc\"}]",
        "[{\"sortBy\":\"dueDate\",\"sortOrder\":\"asc\"},{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]",
        "[{\"sortBy\":\"followUpDate\",\"sortOrder\":\"desc\"},{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]",
        "[{\"sortBy\":\"processVariable\",\"sortOrder\":\"asc\",\"parameters\":{\"variable\":\"region\","
            + "\"type\":\"String\"}},{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]");
    for (String user : new String[] {"service", "engineer", "lead"}) {
      List<Filter> filters = compare.as(user,
          () -> engine.getFilterService().createTaskFilterQuery().listPage(0, 200));
      for (Filter filter : filters) {
        for (String sorting : sortings) {
          for (int first : new int[] {0, PAGE}) {
            String path = "/engine-rest/filter/" + filter.getId() + "/list?firstResult=" + first + "&maxResults=" + PAGE;
            String body = "{\"sorting\":" + sorting + "}";
            String name = user + ": POST " + path + " " + body;
            String ours = post(path, body, user);
            String engines = compare.withEngineStatements(() -> post(path, body, user));
            assertSame(name, restAnswer(engines), restAnswer(ours));
          }
        }
        String count = "/engine-rest/filter/" + filter.getId() + "/count";
        assertThat(post(count, "{}", user)).as(user + ": " + count)
            .isEqualTo(compare.withEngineStatements(() -> post(count, "{}", user)));
      }
      // Tasklist's own search: a group queue with a variable criterion, second page
      String path = "/engine-rest/task?firstResult=" + PAGE + "&maxResults=" + PAGE;
      String body = "{\"candidateGroup\":\"customer-service\",\"includeAssignedTasks\":true,"
          + "\"processVariables\":[{\"name\":\"region\",\"operator\":\"eq\",\"value\":\"west\"}],"
          + "\"sorting\":[{\"sortBy\":\"created\",\"sortOrder\":\"desc\"}]}";
      assertSame(user + ": POST /engine-rest/task",
          restAnswer(compare.withEngineStatements(() -> post(path, body, user))), restAnswer(post(path, body, user)));
    }
  }

  @Test
  void withRevokeChecksBothUseTheEnginesOwnCheck() {
    AuthorizationService authorizations = engine.getAuthorizationService();
    // offered to customer-service only: a user revoke outranks the group's grant
    Task revoked = engine.getTaskService().createTaskQuery().processInstanceBusinessKey("TQ-12").singleResult();
    assertThat(engine.getTaskService().getIdentityLinksForTask(revoked.getId()))
        .allMatch(link -> (link.getUserId() == null || link.getUserId().isEmpty())
            && (link.getGroupId() == null || "customer-service".equals(link.getGroupId())));
    Authorization revoke = authorizations.createNewAuthorization(Authorization.AUTH_TYPE_REVOKE);
    revoke.setUserId("service");
    revoke.setResource(Resources.TASK);
    revoke.setResourceId(revoked.getId());
    revoke.removePermission(Permissions.READ);
    authorizations.saveAuthorization(revoke);
    try {
      Supplier<TaskQuery> queue = () -> compare.query().taskCandidateGroup("customer-service")
          .orderByTaskCreateTime().desc();
      List<Row> seen = compare.compare("service with a revoke: group queue", "service", queue);
      assertThat(seen).extracting(Row::id).doesNotContain(revoked.getId());
    } finally {
      authorizations.deleteAuthorization(revoke.getId());
    }
  }

  @Test
  void aStaffMemberStillSeesOnlyTheTasksOfTheirGroups() {
    List<Row> engineers = compare.compare("engineer: everything visible", "engineer",
        () -> compare.query().processDefinitionKey(PROCESS).orderByTaskCreateTime().desc());
    Set<String> expected = new HashSet<>();
    for (Task task : engine.getTaskService().createTaskQuery().processDefinitionKey(PROCESS).list()) {
      var links = engine.getTaskService().getIdentityLinksForTask(task.getId());
      if ("engineer".equals(task.getAssignee()) || links.stream()
          .anyMatch(l -> "after-sales".equals(l.getGroupId()) || "engineer".equals(l.getUserId()))) {
        expected.add(task.getId());
      }
    }
    assertThat(expected).isNotEmpty();
    assertThat(engineers).extracting(Row::id).containsExactlyInAnyOrderElementsOf(expected);
    assertThat(compare.compare("tq-none: everything visible", "tq-none",
        () -> compare.query().orderByTaskCreateTime().desc()))
        .extracting(Row::id).hasSize(1); // the task granted to every user
  }

  // --- REST ----------------------------------------------------------------------------------

  private static Answer restAnswer(String body) {
    try {
      JsonNode list = json.readTree(body);
      List<Row> rows = new ArrayList<>();
      for (JsonNode task : list) {
        rows.add(new Row(task.get("id").asText(), key(task.get("created").asText(),
            task.get("priority").asInt(),
            task.get("due").asText(), task.get("followUp").asText(), task.get("name").asText())));
      }
      return new Answer(rows, -1);
    } catch (Exception e) {
      throw new AssertionError("Not a task list: " + body, e);
    }
  }

  private static String post(String path, String body, String user) {
    HttpResponse<String> response = http.postJson(path, body, user, "tq-all".equals(user) || "tq-none".equals(user)
        ? "tq-secret-1" : "demo");
    assertThat(response.statusCode()).as(path + " " + body + ": " + response.body()).isEqualTo(200);
    return response.body();
  }
}
