package org.aftersales.testsupport.operaton;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.api.Assertions;
import org.assertj.core.api.MapAssert;
import org.operaton.bpm.engine.HistoryService;
import org.operaton.bpm.engine.ProcessEngine;
import org.operaton.bpm.engine.RuntimeService;
import org.operaton.bpm.engine.TaskService;
import org.operaton.bpm.engine.history.HistoricActivityInstance;
import org.operaton.bpm.engine.history.HistoricProcessInstance;
import org.operaton.bpm.engine.history.HistoricVariableInstance;
import org.operaton.bpm.engine.runtime.ActivityInstance;
import org.operaton.bpm.engine.runtime.Job;
import org.operaton.bpm.engine.runtime.ProcessInstance;
import org.operaton.bpm.engine.runtime.TransitionInstance;
import org.operaton.bpm.engine.task.IdentityLink;
import org.operaton.bpm.engine.task.IdentityLinkType;
import org.operaton.bpm.engine.task.Task;

/**
 * The part of camunda-bpm-assert's {@code BpmnAwareTests} our process tests use, on the plain engine
 * API and AssertJ, for the Operaton build only: {@code org.operaton.bpm:operaton-bpm-assert} is not
 * served by this machine's Maven repository (docs/engines.md). tools/operaton/convert.sh points the
 * tests' imports here. The semantics follow camunda-bpm-assert: "waiting at" an activity is an active
 * activity or transition instance of it, "passed" is a finished historic activity instance.
 */
public final class BpmnAwareTests {

  private static final ThreadLocal<ProcessEngine> ENGINE = new ThreadLocal<>();
  private static final ThreadLocal<ProcessInstance> LAST = new ThreadLocal<>();

  private BpmnAwareTests() {
  }

  public static void init(ProcessEngine engine) {
    ENGINE.set(engine);
    LAST.remove();
  }

  public static ProcessEngine processEngine() {
    ProcessEngine engine = ENGINE.get();
    if (engine == null) {
      throw new IllegalStateException("BpmnAwareTests.init(processEngine) was not called in this thread");
    }
    return engine;
  }

  public static RuntimeService runtimeService() {
    return processEngine().getRuntimeService();
  }

  public static TaskService taskService() {
    return processEngine().getTaskService();
  }

  private static HistoryService historyService() {
    return processEngine().getHistoryService();
  }

  public static ProcessInstanceAssert assertThat(ProcessInstance instance) {
    LAST.set(instance);
    return new ProcessInstanceAssert(instance);
  }

  public static TaskAssert assertThat(Task task) {
    return new TaskAssert(task);
  }

  /** The one task of the process instance last asserted on (of the whole engine if none was). */
  public static Task task() {
    var query = taskService().createTaskQuery();
    ProcessInstance last = LAST.get();
    if (last != null) {
      query.processInstanceId(last.getId());
    }
    return query.singleResult();
  }

  /** The one job of the process instance last asserted on (of the whole engine if none was). */
  public static Job job() {
    var query = processEngine().getManagementService().createJobQuery();
    ProcessInstance last = LAST.get();
    if (last != null) {
      query.processInstanceId(last.getId());
    }
    return query.singleResult();
  }

  public static void execute(Job job) {
    Assertions.assertThat(job).as("job to execute").isNotNull();
    processEngine().getManagementService().executeJob(job.getId());
  }

  public static void complete(Task task) {
    Assertions.assertThat(task).as("task to complete").isNotNull();
    taskService().complete(task.getId());
  }

  public static void complete(Task task, Map<String, Object> variables) {
    Assertions.assertThat(task).as("task to complete").isNotNull();
    taskService().complete(task.getId(), variables);
  }

  public static Map<String, Object> withVariables(String key, Object value, Object... more) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(key, value);
    for (int i = 0; i + 1 < more.length; i += 2) {
      variables.put((String) more[i], more[i + 1]);
    }
    return variables;
  }

  public static final class ProcessInstanceAssert extends AbstractAssert<ProcessInstanceAssert, ProcessInstance> {

    ProcessInstanceAssert(ProcessInstance actual) {
      super(actual, ProcessInstanceAssert.class);
    }

    private boolean running() {
      return runtimeService().createProcessInstanceQuery().processInstanceId(actual.getId()).count() == 1;
    }

    private List<String> waitingAt() {
      List<String> ids = new ArrayList<>();
      ActivityInstance tree = runtimeService().getActivityInstance(actual.getId());
      if (tree != null) {
        collect(tree, ids);
      }
      return ids;
    }

    private static void collect(ActivityInstance instance, List<String> ids) {
      for (ActivityInstance child : instance.getChildActivityInstances()) {
        ids.add(child.getActivityId());
        collect(child, ids);
      }
      for (TransitionInstance transition : instance.getChildTransitionInstances()) {
        ids.add(transition.getActivityId());
      }
    }

    private List<String> passed() {
      return historyService().createHistoricActivityInstanceQuery().processInstanceId(actual.getId()).finished()
          .list().stream().map(HistoricActivityInstance::getActivityId).toList();
    }

    public ProcessInstanceAssert isWaitingAt(String... activityIds) {
      isNotNull();
      Assertions.assertThat(running()).as("process instance %s is running", actual.getId()).isTrue();
      Assertions.assertThat(waitingAt()).as("activities process instance %s waits at", actual.getId())
          .contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert isNotWaitingAt(String... activityIds) {
      isNotNull();
      Assertions.assertThat(waitingAt()).as("activities process instance %s waits at", actual.getId())
          .doesNotContainAnyElementsOf(Arrays.asList(activityIds));
      return this;
    }

    public ProcessInstanceAssert hasPassed(String... activityIds) {
      isNotNull();
      Assertions.assertThat(passed()).as("activities process instance %s has passed", actual.getId())
          .contains(activityIds);
      return this;
    }

    public ProcessInstanceAssert hasNotPassed(String... activityIds) {
      isNotNull();
      Assertions.assertThat(passed()).as("activities process instance %s has passed", actual.getId())
          .doesNotContainAnyElementsOf(Arrays.asList(activityIds));
      return this;
    }

    public ProcessInstanceAssert isEnded() {
      isNotNull();
      Assertions.assertThat(running()).as("process instance %s is running", actual.getId()).isFalse();
      HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
          .processInstanceId(actual.getId()).singleResult();
      Assertions.assertThat(history).as("history of process instance %s", actual.getId()).isNotNull();
      Assertions.assertThat(history.getEndTime()).as("end of process instance %s", actual.getId()).isNotNull();
      return this;
    }

    public ProcessInstanceAssert isNotEnded() {
      isNotNull();
      Assertions.assertThat(running()).as("process instance %s is running", actual.getId()).isTrue();
      return this;
    }

    public ProcessInstanceAssert hasBusinessKey(String businessKey) {
      isNotNull();
      HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
          .processInstanceId(actual.getId()).singleResult();
      Assertions.assertThat(history.getBusinessKey()).as("business key of %s", actual.getId()).isEqualTo(businessKey);
      return this;
    }

    public ProcessInstanceAssert hasProcessDefinitionKey(String key) {
      isNotNull();
      HistoricProcessInstance history = historyService().createHistoricProcessInstanceQuery()
          .processInstanceId(actual.getId()).singleResult();
      Assertions.assertThat(history.getProcessDefinitionKey()).as("process of %s", actual.getId()).isEqualTo(key);
      return this;
    }

    /** The instance's variables: the current ones while it runs, the last ones from history after. */
    public MapAssert<String, Object> variables() {
      isNotNull();
      Map<String, Object> variables = new HashMap<>();
      if (running()) {
        variables.putAll(runtimeService().getVariables(actual.getId()));
      } else {
        for (HistoricVariableInstance variable : historyService().createHistoricVariableInstanceQuery()
            .processInstanceId(actual.getId()).list()) {
          variables.put(variable.getName(), variable.getValue());
        }
      }
      return Assertions.assertThat(variables);
    }
  }

  public static final class TaskAssert extends AbstractAssert<TaskAssert, Task> {

    TaskAssert(Task actual) {
      super(actual, TaskAssert.class);
    }

    private Task current() {
      isNotNull();
      Task task = taskService().createTaskQuery().taskId(actual.getId()).singleResult();
      Assertions.assertThat(task).as("task %s is open", actual.getId()).isNotNull();
      return task;
    }

    public TaskAssert hasCandidateGroup(String groupId) {
      List<String> groups = taskService().getIdentityLinksForTask(current().getId()).stream()
          .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
          .map(IdentityLink::getGroupId).toList();
      Assertions.assertThat(groups).as("candidate groups of task %s", actual.getId()).contains(groupId);
      return this;
    }

    public TaskAssert isAssignedTo(String userId) {
      Assertions.assertThat(current().getAssignee()).as("assignee of task %s", actual.getId()).isEqualTo(userId);
      return this;
    }

    public TaskAssert isNotAssigned() {
      Assertions.assertThat(current().getAssignee()).as("assignee of task %s", actual.getId()).isNull();
      return this;
    }

    public TaskAssert hasDueDate(Date due) {
      Assertions.assertThat(current().getDueDate()).as("due date of task %s", actual.getId()).isEqualTo(due);
      return this;
    }
  }
}
