package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.task.TaskQuery;

/** Runs a task query with our statements and again with the engine's, and says whether they agree. */
final class TaskQueryComparison {

  static final int PAGE = 15;

  record Row(String id, List<Object> key) {
  }

  record Answer(List<Row> rows, long count) {
  }

  private final ProcessEngine engine;
  private final TaskQueryStatements statements;
  final List<String> compared = new ArrayList<>();

  TaskQueryComparison(ProcessEngine engine, TaskQueryStatements statements) {
    this.engine = engine;
    this.statements = statements;
  }

  TaskQuery query() {
    return engine.getTaskService().createTaskQuery();
  }

  /** Every page, the whole list and the count, with our statements and with the engine's. */
  List<Row> compare(String name, String user, Supplier<TaskQuery> query) {
    Function<TaskQuery, Answer> run = q -> new Answer(rows(q.listPage(0, 2000)), q.count());
    Answer ours = as(user, () -> run.apply(query.get()));
    Answer engines = withEngineStatements(() -> as(user, () -> run.apply(query.get())));
    assertSame(name, engines, ours);
    for (int first = 0; first < ours.rows().size(); first += PAGE) {
      int from = first;
      List<Row> page = as(user, () -> rows(query.get().listPage(from, PAGE)));
      List<Row> enginePage = withEngineStatements(() -> as(user, () -> rows(query.get().listPage(from, PAGE))));
      assertSame(name + " page from " + first, new Answer(enginePage, -1), new Answer(page, -1));
    }
    compared.add(name);
    return ours.rows();
  }

  /** The queries Tasklist's filters and searches are made of, for one user. */
  Map<String, Supplier<TaskQuery>> tasklistQueries(String user, String processKey, String otherProcessKey) {
    List<String> groups = groupsOf(user);
    String group = groups.isEmpty() ? "customer-service" : groups.get(0);
    Map<String, Supplier<TaskQuery>> queries = new LinkedHashMap<>();
    queries.put("all, newest first", () -> query().orderByTaskCreateTime().desc());
    queries.put("group queue", () -> query().taskCandidateGroup(group).orderByTaskCreateTime().desc());
    queries.put("group queue with assigned, by priority", () -> query().taskCandidateGroupIn(
        groups.isEmpty() ? List.of(group) : groups).includeAssignedTasks().orderByTaskPriority().desc()
        .orderByTaskCreateTime().asc());
    queries.put("candidate user, by due date", () -> query().taskCandidateUser(user).orderByDueDate().asc()
        .orderByTaskCreateTime().asc());
    queries.put("candidate user or group, with assigned", () -> query().taskCandidateUser(user)
        .includeAssignedTasks().orderByTaskCreateTime().desc());
    queries.put("involved user", () -> query().taskInvolvedUser(user).orderByTaskCreateTime().desc());
    queries.put("involved and candidate group", () -> query().taskInvolvedUser(user).taskCandidateGroup(group)
        .orderByTaskCreateTime().desc());
    queries.put("assignee", () -> query().taskAssignee(user).orderByTaskCreateTime().desc());
    queries.put("assignee or candidate of a model", () -> query().processDefinitionKey(processKey)
        .or().taskAssignee(user).taskCandidateUser(user).endOr().orderByTaskCreateTime().desc());
    queries.put("candidate group and (assignee or candidate user)", () -> query().taskCandidateGroup(group)
        .or().taskAssignee(user).taskCandidateUser(user).endOr().orderByTaskCreateTime().desc());
    queries.put("process variable, by follow-up", () -> query().processVariableValueEquals("region", "east")
        .orderByFollowUpDate().asc().orderByTaskCreateTime().desc());
    queries.put("overdue of the group", () -> query().taskCandidateGroup(group).includeAssignedTasks()
        .dueBefore(new Date()).orderByDueDate().asc().orderByTaskCreateTime().asc());
    queries.put("without candidate groups", () -> query().withoutCandidateGroups().orderByTaskCreateTime().desc());
    queries.put("with candidate users", () -> query().withCandidateUsers().orderByTaskCreateTime().desc());
    queries.put("by name", () -> query().orderByTaskName().asc().orderByTaskCreateTime().asc());
    queries.put("by name, case-insensitive", () -> query().orderByTaskNameCaseInsensitive().desc()
        .orderByTaskCreateTime().asc());
    queries.put("other model", () -> query().processDefinitionKey(otherProcessKey).orderByTaskCreateTime().desc());
    queries.put("unassigned, default order", () -> query().taskUnassigned());
    return queries;
  }

  /** The same ids in the same order; tasks that tie on every sort key may come in either order. */
  static void assertSame(String name, Answer engines, Answer ours) {
    assertThat(ours.count()).as(name + ": count").isEqualTo(engines.count());
    assertThat(ours.rows()).as(name + ": size").hasSameSizeAs(engines.rows());
    if (ours.rows().equals(engines.rows())) {
      return;
    }
    // tied rows: the sort keys in the same sequence, the same ids per key (but for a page's last key)
    assertThat(ours.rows().stream().map(Row::key).toList()).as(name + ": sort keys")
        .isEqualTo(engines.rows().stream().map(Row::key).toList());
    List<Object> last = engines.rows().get(engines.rows().size() - 1).key();
    Map<List<Object>, Set<String>> byKeyOurs = byKey(ours.rows());
    byKey(engines.rows()).forEach((key, ids) -> {
      if (!key.equals(last)) {
        assertThat(byKeyOurs.get(key)).as(name + ": ids of " + key).isEqualTo(ids);
      }
    });
  }

  private static Map<List<Object>, Set<String>> byKey(List<Row> rows) {
    Map<List<Object>, Set<String>> byKey = new LinkedHashMap<>();
    rows.forEach(row -> byKey.computeIfAbsent(row.key(), k -> new HashSet<>()).add(row.id()));
    return byKey;
  }

  /** Key: every property a query here sorts by; tasks equal on all of them are true ties. */
  static List<Row> rows(List<Task> tasks) {
    return tasks.stream().map(task -> new Row(task.getId(), key(task.getCreateTime(), task.getPriority(),
        task.getDueDate(), task.getFollowUpDate(), task.getName()))).toList();
  }

  static List<Object> key(Object... values) {
    List<Object> key = new ArrayList<>();
    for (Object value : values) {
      key.add(value instanceof Date date ? date.getTime() : value);
    }
    return key;
  }

  List<String> groupsOf(String user) {
    return engine.getIdentityService().createGroupQuery().groupMember(user).list().stream().map(Group::getId)
        .toList();
  }

  <T> T as(String user, Supplier<T> work) {
    IdentityService identity = engine.getIdentityService();
    identity.setAuthentication(user, groupsOf(user));
    try {
      return work.get();
    } finally {
      identity.clearAuthentication();
    }
  }

  synchronized <T> T withEngineStatements(Supplier<T> work) {
    statements.useEngineStatements(true);
    try {
      return work.get();
    } finally {
      statements.useEngineStatements(false);
    }
  }
}
