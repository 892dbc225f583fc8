package org.aftersales.approval;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * People the approval routes name: group members, and a user's manager for route rows
 * such as {@code ${approvalPeople.managerOf(requester)}}. A manager is the Camunda user
 * info {@code manager} of the user (set by an admin, seeded for the demo users).
 */
@Component("approvalPeople")
public class ApprovalPeople {

  public static final String MANAGER_INFO = "manager";

  private final IdentityService identityService;

  public ApprovalPeople(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The user's manager, or null when none is recorded. */
  public String managerOf(String userId) {
    if (userId == null || userId.isBlank()) {
      return null;
    }
    String manager = identityService.getUserInfo(userId, MANAGER_INFO);
    return manager == null || manager.isBlank() ? null : manager.trim();
  }

  public List<String> membersOf(String groupId, int limit) {
    return identityService.createUserQuery().memberOfGroup(groupId).orderByUserId().asc().listPage(0, limit)
        .stream().map(User::getId).toList();
  }

  public boolean exists(String userId) {
    return userId != null && identityService.createUserQuery().userId(userId).count() == 1;
  }
}
