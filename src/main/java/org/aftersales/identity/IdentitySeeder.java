package org.aftersales.identity;

import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.util.List;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.BatchPermissions;
import org.camunda.bpm.engine.authorization.HistoricProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.HistoricTaskPermissions;
import org.camunda.bpm.engine.authorization.Groups;
import org.camunda.bpm.engine.authorization.Permission;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.ProcessDefinitionPermissions;
import org.camunda.bpm.engine.authorization.ProcessInstancePermissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.authorization.TaskPermissions;
import org.camunda.bpm.engine.authorization.UserOperationLogCategoryPermissions;
import org.camunda.bpm.engine.identity.Group;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Creates the groups of the contract (unless they come from a directory) and their authorizations.
 * Safe to run on every start and on several nodes at once: it only adds what is missing.
 */
@Component
public class IdentitySeeder {

  private static final Logger LOG = LoggerFactory.getLogger(IdentitySeeder.class);
  private static final String ANY = Authorization.ANY;
  private static final int ATTEMPTS = 3;
  private static final String CASE_PROCESS = "service-request";
  private static final String APPROVAL_PROCESS = "approval";

  private final IdentityService identityService;
  private final AuthorizationService authorizationService;

  public IdentitySeeder(IdentityService identityService, AuthorizationService authorizationService) {
    this.identityService = identityService;
    this.authorizationService = authorizationService;
  }

  public void seed() {
    for (int attempt = 1; ; attempt++) {
      try {
        seedOnce();
        return;
      } catch (ProcessEngineException e) {
        // Another node seeding at the same moment wins a unique key; look again.
        if (attempt == ATTEMPTS) {
          throw e;
        }
        LOG.info("Identity seeding collided with another node ({}); trying again", e.getMessage());
      }
    }
  }

  private void seedOnce() {
    // Under a directory (profile ldap) identity is read-only: groups come from there through the group
    // mapping, and only their authorizations are ours to seed.
    boolean ownGroups = !identityService.isReadOnly();
    for (StaffGroup group : StaffGroup.values()) {
      if (ownGroups) {
        ensureGroup(group.id(), group.displayName(), Groups.GROUP_TYPE_WORKFLOW);
      }
      grantStaff(group.id());
    }
    for (StaffGroup group : List.of(StaffGroup.CUSTOMER_SERVICE, StaffGroup.SALES)) {
      // "Open a case" in Tasklist's Start process: the start form of service-request, which goes
      // through the case intake (CaseStartForm).
      grant(group.id(), Resources.PROCESS_DEFINITION, CASE_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE);
    }
    for (StaffGroup group : List.of(StaffGroup.APPROVER_LEAD, StaffGroup.APPROVER_MANAGER, StaffGroup.APPROVER_DIRECTOR)) {
      // Service KPIs in Cockpit (the plugin checks the report readers itself); Cockpit's own views
      // show them definitions only: approvers have no instance or history permissions.
      grant(group.id(), Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    }
    if (ownGroups) {
      ensureGroup(StaffGroup.AUDITORS, StaffGroup.AUDITORS_NAME, Groups.GROUP_TYPE_WORKFLOW);
    }
    grantAuditors(StaffGroup.AUDITORS);
    LOG.info("Identity seeded: {} staff groups, auditors; administrators are group {}",
        StaffGroup.values().length, StaffGroup.ADMINS);
  }

  private void grantStaff(String groupId) {
    grant(groupId, Resources.APPLICATION, "tasklist", Permissions.ACCESS);
    // Diagrams and start forms in Tasklist; definitions hold no case data.
    grant(groupId, Resources.PROCESS_DEFINITION, ANY, ProcessDefinitionPermissions.READ);
    // Names of people and groups to assign tasks to.
    grant(groupId, Resources.USER, ANY, Permissions.READ);
    grant(groupId, Resources.GROUP, ANY, Permissions.READ);
    // "Request an approval" in Tasklist's Start process (through ApprovalStartForm): any staff member.
    grant(groupId, Resources.PROCESS_DEFINITION, APPROVAL_PROCESS, ProcessDefinitionPermissions.CREATE_INSTANCE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, Permissions.CREATE);
    // Tasks themselves: the engine grants a candidate group READ and TASK_WORK on each of
    // its tasks (default-user-permission-name-for-task), so nobody sees other groups' work.
  }

  private void grantAuditors(String groupId) {
    grant(groupId, Resources.APPLICATION, "cockpit", Permissions.ACCESS);
    grant(groupId, Resources.PROCESS_DEFINITION, ANY,
        ProcessDefinitionPermissions.READ,
        ProcessDefinitionPermissions.READ_INSTANCE,
        ProcessDefinitionPermissions.READ_HISTORY,
        ProcessDefinitionPermissions.READ_TASK,
        ProcessDefinitionPermissions.READ_INSTANCE_VARIABLE,
        ProcessDefinitionPermissions.READ_HISTORY_VARIABLE,
        ProcessDefinitionPermissions.READ_TASK_VARIABLE);
    grant(groupId, Resources.PROCESS_INSTANCE, ANY, ProcessInstancePermissions.READ);
    grant(groupId, Resources.TASK, ANY, TaskPermissions.READ);
    grant(groupId, Resources.HISTORIC_PROCESS_INSTANCE, ANY, HistoricProcessInstancePermissions.READ);
    grant(groupId, Resources.HISTORIC_TASK, ANY, HistoricTaskPermissions.READ);
    grant(groupId, Resources.DECISION_DEFINITION, ANY, Permissions.READ, Permissions.READ_HISTORY);
    grant(groupId, Resources.DECISION_REQUIREMENTS_DEFINITION, ANY, Permissions.READ);
    grant(groupId, Resources.DEPLOYMENT, ANY, Permissions.READ);
    grant(groupId, Resources.OPERATION_LOG_CATEGORY, ANY, UserOperationLogCategoryPermissions.READ);
    grant(groupId, Resources.BATCH, ANY, BatchPermissions.READ, BatchPermissions.READ_HISTORY);
    grant(groupId, Resources.USER, ANY, Permissions.READ);
    grant(groupId, Resources.GROUP, ANY, Permissions.READ);
  }

  private void ensureGroup(String id, String name, String type) {
    if (identityService.createGroupQuery().groupId(id).count() > 0) {
      return;
    }
    Group group = identityService.newGroup(id);
    group.setName(name);
    group.setType(type);
    identityService.saveGroup(group);
    LOG.info("Created group {}", id);
  }

  /** Adds the permissions to the group's grant on the resource, creating it if needed. */
  public void grant(String groupId, Resource resource, String resourceId, Permission... permissions) {
    List<Authorization> existing = authorizationService.createAuthorizationQuery()
        .authorizationType(AUTH_TYPE_GRANT)
        .groupIdIn(groupId)
        .resourceType(resource)
        .resourceId(resourceId)
        .list();
    Authorization authorization = existing.isEmpty()
        ? newGrant(groupId, resource, resourceId)
        : existing.get(0);
    boolean changed = existing.isEmpty();
    for (Permission permission : permissions) {
      if (!authorization.isPermissionGranted(permission)) {
        authorization.addPermission(permission);
        changed = true;
      }
    }
    if (changed) {
      authorizationService.saveAuthorization(authorization);
    }
  }

  private Authorization newGrant(String groupId, Resource resource, String resourceId) {
    Authorization authorization = authorizationService.createNewAuthorization(AUTH_TYPE_GRANT);
    authorization.setGroupId(groupId);
    authorization.setResource(resource);
    authorization.setResourceId(resourceId);
    return authorization;
  }
}
