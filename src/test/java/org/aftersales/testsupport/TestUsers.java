package org.aftersales.testsupport;

import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;

/** People the integration tests log in as; created through the engine like an admin would. */
public final class TestUsers {

  public static final String ADMIN = "admin";
  public static final String ADMIN_PASSWORD = "test-admin-secret";
  public static final String PASSWORD = "test-staff-secret";

  private TestUsers() {
  }

  /** Creates the user (if missing) as a member of the groups. */
  public static String ensure(IdentityService identityService, String userId, String... groups) {
    if (identityService.createUserQuery().userId(userId).count() == 0) {
      User user = identityService.newUser(userId);
      user.setFirstName(userId);
      user.setLastName("Test");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(userId).memberOfGroup(group).count() == 0) {
        identityService.createMembership(userId, group);
      }
    }
    return userId;
  }
}
