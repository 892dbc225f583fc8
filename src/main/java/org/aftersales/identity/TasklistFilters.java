package org.aftersales.identity;

import java.util.Collection;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.approval.ApprovalVariables;
import org.aftersales.common.Language;
import org.aftersales.identity.ldap.DirectoryUnavailableException;
import org.aftersales.identity.ldap.GroupMapping;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.TaskQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Tasklist filters for every role: a group queue and an overdue list per staff group,
 * and per person "My tasks", "Offered to me" and "Approvals waiting for me".
 *
 * <p>Expressions in stored queries are off (an expression in a filter is code run for
 * whoever opens it), so filters cannot say {@code ${currentUser()}} or {@code ${now()}}.
 * Instead each person gets a filter naming them, and the overdue filters' due date is
 * moved to "now" on a schedule. Both happen here, at start and then periodically, so
 * people created later in Admin get their filter within the refresh interval.
 */
@Component
public class TasklistFilters {

  private static final Logger LOG = LoggerFactory.getLogger(TasklistFilters.class);

  static final String KIND = "aftersalesFilter";
  static final String KIND_QUEUE = "group-queue";
  static final String KIND_OVERDUE = "group-overdue";
  static final String KIND_MINE = "my-tasks";
  static final String KIND_OFFERED = "offered-to-me";
  static final String KIND_APPROVALS = "approvals-for-me";
  static final String KIND_REQUESTS = "my-requests";
  static final String OWNER = "owner";

  private final FilterService filterService;
  private final TaskService taskService;
  private final IdentityService identityService;
  private final IdentitySeeder identitySeeder;

  public TasklistFilters(FilterService filterService, TaskService taskService,
      IdentityService identityService, IdentitySeeder identitySeeder) {
    this.filterService = filterService;
    this.taskService = taskService;
    this.identityService = identityService;
    this.identitySeeder = identitySeeder;
  }

  /**
   * Tasklist opens the first filter: "Offered to me" holds everything a person may claim, from
   * all their groups and by name, so nobody lands on an empty list while work waits.
   */
  static final int OFFERED_PRIORITY = 1;
  static final int MINE_PRIORITY = 2;

  public void seed() {
    List<Filter> existing = taskFilters();
    reorder(existing, KIND_OFFERED, OFFERED_PRIORITY);
    reorder(existing, KIND_MINE, MINE_PRIORITY);
    int priority = 10;
    for (StaffGroup group : StaffGroup.values()) {
      Filter queue = ensureFilter(existing, KIND_QUEUE, group.id(), priority,
          taskService.createTaskQuery().taskCandidateGroup(group.id()));
      identitySeeder.grant(group.id(), Resources.FILTER, queue.getId(), Permissions.READ);
      Filter overdue = ensureFilter(existing, KIND_OVERDUE, group.id(), priority + 1,
          overdueQuery(group.id()));
      identitySeeder.grant(group.id(), Resources.FILTER, overdue.getId(), Permissions.READ);
      priority += 2;
    }
    try {
      ensurePersonalFilters(existing);
    } catch (DirectoryUnavailableException e) {
      // The application starts without the directory (the local admin can log in); people get their
      // filters at the first refresh after it is back.
      LOG.warn("Personal Tasklist filters wait for the directory: {}", e.getMessage());
    }
  }

  /** Moves the overdue filters to the current time and gives new people their filter. */
  @Scheduled(initialDelayString = "${aftersales.tasklist.overdue-refresh}",
      fixedDelayString = "${aftersales.tasklist.overdue-refresh}")
  public void refresh() {
    try {
      List<Filter> existing = taskFilters();
      for (Filter filter : ofKind(existing, KIND_OVERDUE)) {
        String group = (String) filter.getProperties().get(OWNER);
        filter.setQuery(overdueQuery(group));
        filterService.saveFilter(filter);
      }
      ensurePersonalFilters(existing);
    } catch (ProcessEngineException e) {
      // Another node refreshed at the same moment; the next round catches up.
      LOG.debug("Tasklist filter refresh skipped: {}", e.getMessage());
    }
  }

  private void ensurePersonalFilters(List<Filter> existing) {
    List<String> withMine = owners(existing, KIND_MINE);
    List<String> withOffered = owners(existing, KIND_OFFERED);
    List<String> withApprovals = owners(existing, KIND_APPROVALS);
    List<String> withRequests = owners(existing, KIND_REQUESTS);
    for (User user : people()) {
      if (!withMine.contains(user.getId())) {
        savePersonal(newFilter(KIND_MINE, user.getId(), MINE_PRIORITY,
            taskService.createTaskQuery().taskAssignee(user.getId())), user.getId());
      }
      if (!withOffered.contains(user.getId())) {
        // Approval steps offer one task to several named people (not to a group): they find it here.
        savePersonal(newFilter(KIND_OFFERED, user.getId(), OFFERED_PRIORITY,
            taskService.createTaskQuery().taskCandidateUser(user.getId())), user.getId());
      }
      if (!withRequests.contains(user.getId())) {
        savePersonal(newFilter(KIND_REQUESTS, user.getId(), 4,
            taskService.createTaskQuery().processDefinitionKey(ApprovalVariables.PROCESS_KEY)
                .processVariableValueEquals(ApprovalVariables.REQUESTER, user.getId())), user.getId());
      }
      if (!withApprovals.contains(user.getId())) {
        savePersonal(newFilter(KIND_APPROVALS, user.getId(), 3,
            approvalsQuery(user.getId())), user.getId());
      }
    }
  }

  /**
   * Everyone with personal filters: every user of Camunda's own identity; under a directory (profile ldap)
   * the members of our groups, not the whole company.
   */
  private Collection<User> people() {
    if (!identityService.isReadOnly()) {
      return identityService.createUserQuery().list();
    }
    Map<String, User> people = new LinkedHashMap<>();
    for (String group : GroupMapping.ourGroupIds()) {
      identityService.createUserQuery().memberOfGroup(group).list().forEach(user -> people.putIfAbsent(user.getId(), user));
    }
    return people.values();
  }

  /** Filters seeded by an earlier version in another order take this one's. */
  private void reorder(List<Filter> existing, String kind, int priority) {
    for (Filter filter : ofKind(existing, kind)) {
      if (!Integer.valueOf(priority).equals(filter.getProperties().get("priority"))) {
        Map<String, Object> properties = new HashMap<>(filter.getProperties());
        properties.put("priority", priority);
        filterService.saveFilter(filter.setProperties(properties));
      }
    }
  }

  private TaskQuery approvalsQuery(String userId) {
    // A candidate query leaves out assigned tasks, so the assignee is asked for beside it.
    return taskService.createTaskQuery()
        .processDefinitionKey(ApprovalVariables.PROCESS_KEY)
        .taskDefinitionKey(ApprovalVariables.APPROVE_TASK)
        .or()
          .taskAssignee(userId)
          .taskCandidateUser(userId)
        .endOr();
  }

  private List<String> owners(List<Filter> existing, String kind) {
    return ofKind(existing, kind).stream().map(filter -> (String) filter.getProperties().get(OWNER)).toList();
  }

  private void savePersonal(Filter filter, String userId) {
    // The owner is granted ALL on their own filter by the engine.
    filter.setOwner(userId);
    filterService.saveFilter(filter);
  }

  private TaskQuery overdueQuery(String groupId) {
    return taskService.createTaskQuery()
        .taskCandidateGroup(groupId)
        .includeAssignedTasks()
        .dueBefore(new Date(ClockUtil.getCurrentTime().getTime()));
  }

  private Filter ensureFilter(List<Filter> existing, String kind, String owner, int priority, TaskQuery query) {
    return ofKind(existing, kind).stream()
        .filter(filter -> owner.equals(filter.getProperties().get(OWNER)))
        .findFirst()
        .orElseGet(() -> {
          Filter filter = newFilter(kind, owner, priority, query);
          filterService.saveFilter(filter);
          LOG.info("Created Tasklist filter '{}'", filter.getName());
          return filter;
        });
  }

  /** Stored in English; Tasklist shows each person their language (TasklistFilterTexts). */
  private Filter newFilter(String kind, String owner, int priority, TaskQuery query) {
    String name = TasklistFilterTexts.name(kind, owner, Language.EN);
    Map<String, Object> properties = new HashMap<>();
    properties.put("description", TasklistFilterTexts.description(kind, owner, Language.EN));
    properties.put("priority", priority);
    properties.put("refresh", true);
    properties.put(KIND, kind);
    properties.put(OWNER, owner);
    return filterService.newTaskFilter(name).setProperties(properties).setQuery(query);
  }

  /** All task filters, read once per seeding or refresh; there are a few per group and person. */
  private List<Filter> taskFilters() {
    return filterService.createTaskFilterQuery().list();
  }

  private static List<Filter> ofKind(List<Filter> filters, String kind) {
    return filters.stream()
        .filter(filter -> filter.getProperties() != null && kind.equals(filter.getProperties().get(KIND)))
        .toList();
  }
}
