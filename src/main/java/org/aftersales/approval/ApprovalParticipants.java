package org.aftersales.approval;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.springframework.stereotype.Component;

/** Who holds the open "Approve" tasks of an approval. Callers run it with the application's authority. */
@Component
public class ApprovalParticipants {

  private final TaskService taskService;

  public ApprovalParticipants(TaskService taskService) {
    this.taskService = taskService;
  }

  public List<Task> openApprovalTasks(String processInstanceId) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ApprovalVariables.APPROVE_TASK).orderByTaskCreateTime().asc().list();
  }

  /** The assignee, or the candidate users while nobody has claimed the task. */
  public List<String> holders(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getUserId() != null)
        .map(IdentityLink::getUserId).toList();
  }

  public Set<String> currentApprovers(String processInstanceId) {
    Set<String> approvers = new LinkedHashSet<>();
    openApprovalTasks(processInstanceId).forEach(task -> approvers.addAll(holders(task)));
    return approvers;
  }

  /** The open tasks this user may decide now. */
  public List<Task> tasksOf(String processInstanceId, String userId) {
    return openApprovalTasks(processInstanceId).stream().filter(task -> holders(task).contains(userId)).toList();
  }
}
