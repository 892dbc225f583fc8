package org.aftersales.api;

import java.util.Collection;
import java.util.List;
import org.aftersales.identity.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may call which part of {@code /api}. The Basic filter has authenticated the caller
 * and set their groups on the engine; this checks the groups a capability needs.
 */
@Component
public class ApiAccess {

  private final IdentityService identityService;

  public ApiAccess(IdentityService identityService) {
    this.identityService = identityService;
  }

  /** The caller's user id when they belong to one of the groups (admins always do); 403 otherwise. */
  public String require(String capability, Collection<String> groups) {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null) {
      throw ApiException.forbidden("Not authenticated");
    }
    List<String> member = authentication.getGroupIds() == null ? List.of() : authentication.getGroupIds();
    if (member.contains(StaffGroup.ADMINS) || member.stream().anyMatch(groups::contains)) {
      return authentication.getUserId();
    }
    throw ApiException.forbidden("User '" + authentication.getUserId() + "' may not " + capability
        + " (needs one of the groups " + String.join(", ", groups) + ")");
  }

  /** The authenticated caller; who may do what is then the capability's own check. */
  public String currentUser() {
    Authentication authentication = identityService.getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw ApiException.forbidden("Not authenticated");
    }
    return authentication.getUserId();
  }

  /** Any staff group or the auditors. */
  public String requireStaffOrAuditor(String capability) {
    var groups = new java.util.ArrayList<>(StaffGroup.ids());
    groups.add(StaffGroup.AUDITORS);
    return require(capability, groups);
  }
}
