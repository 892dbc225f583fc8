package org.aftersales.approval;

import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity;

/**
 * Lets whoever holds an approval task delegate or reassign it in Tasklist. Staff are
 * granted only TASK_WORK on their tasks by default; this adds TASK_ASSIGN on this one task
 * to the same authorization row the engine has just written for them (the engine deletes
 * a task's authorizations with the task). Whoever ends up with the task is checked when
 * they decide (assignee, not the requester, once per step, not an earlier approver).
 */
final class TaskHandOn {

  private TaskHandOn() {
  }

  /** Call inside the engine command, after the engine granted the user their default task permission. */
  static void allow(String taskId, String userId) {
    grant(taskId, userId, TaskPermissions.TASK_ASSIGN);
  }

  /**
   * The requester follows their approval in Tasklist ("My requests"): they may read its steps'
   * tasks, not work on them.
   */
  static void letRequesterRead(String taskId, String requester) {
    grant(taskId, requester, TaskPermissions.READ);
  }

  private static void grant(String taskId, String userId, Permission permission) {
    if (taskId == null || userId == null) {
      return;
    }
    CommandContext context = Context.getCommandContext();
    AuthorizationEntity authorization = context.getDbEntityManager()
        .getCachedEntitiesByType(AuthorizationEntity.class).stream()
        .filter(a -> a.getAuthorizationType() == Authorization.AUTH_TYPE_GRANT && userId.equals(a.getUserId())
            && a.getResourceType() == Resources.TASK.resourceType() && taskId.equals(a.getResourceId()))
        .findFirst()
        .orElseGet(() -> context.getAuthorizationManager().findAuthorizationByUserIdAndResourceId(
            Authorization.AUTH_TYPE_GRANT, userId, Resources.TASK, taskId));
    if (authorization == null) {
      authorization = new AuthorizationEntity(Authorization.AUTH_TYPE_GRANT);
      authorization.setUserId(userId);
      authorization.setResource(Resources.TASK);
      authorization.setResourceId(taskId);
      authorization.addPermission(permission);
      context.getAuthorizationManager().insert(authorization);
    } else {
      authorization.addPermission(permission);
    }
  }
}
