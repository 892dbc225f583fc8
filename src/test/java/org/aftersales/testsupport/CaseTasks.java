package org.aftersales.testsupport;

import java.time.Duration;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;

/**
 * A case's tasks as the job executor and the outbox bring them, for integration tests that run
 * the real application: wait for the one open task of a definition key, claim it, complete it.
 */
public final class CaseTasks {

  private static final Duration WAIT = Duration.ofSeconds(30);

  private final TaskService taskService;

  public CaseTasks(TaskService taskService) {
    this.taskService = taskService;
  }

  /** The case's one open task with this definition key, once the engine got there. */
  public Task await(String caseNumber, String taskKey) {
    Await.until(taskKey + " of " + caseNumber, WAIT, () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
        .singleResult();
  }

  public void complete(String caseNumber, String taskKey, String user, Map<String, Object> variables) {
    claimAndComplete(await(caseNumber, taskKey), user, variables);
  }

  public void claimAndComplete(Task task, String user, Map<String, Object> variables) {
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }
}
