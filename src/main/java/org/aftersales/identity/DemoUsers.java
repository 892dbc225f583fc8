package org.aftersales.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

/** The demo profile's people (DESIGN §6), all with password "demo". No other profile has them. */
@Component
@Profile("demo")
public class DemoUsers {

  private static final Logger LOG = LoggerFactory.getLogger(DemoUsers.class);
  static final String PASSWORD = "demo";

  /** User id to groups; the admin comes from camunda.bpm.admin-user. */
  static final Map<String, List<String>> USERS = users();
  /** User id to their manager's user id. */
  static final Map<String, String> MANAGERS = Map.of("service", "lead", "engineer", "manager",
      "technician", "manager", "sales", "manager", "lead", "manager", "manager", "director");

  private final IdentityService identityService;
  private final String adminUser;

  public DemoUsers(IdentityService identityService, @Value("${aftersales.admin.user}") String adminUser) {
    this.identityService = identityService;
    this.adminUser = adminUser;
  }

  public void seed() {
    refuseDataOfAnotherProfile();
    USERS.forEach(this::ensureUser);
    // Repair quotes go to the requester's manager (approval-routing): a user info entry.
    MANAGERS.forEach((user, manager) -> {
      if (identityService.getUserInfo(user, "manager") == null) {
        identityService.setUserInfo(user, "manager", manager);
      }
    });
  }

  /**
   * The demo promises every demo user the password "demo". On a database an earlier start without
   * the demo profile set up, the administrator has another password (and would seem locked out):
   * say so and stop, rather than start with a promise that is not true.
   */
  private void refuseDataOfAnotherProfile() {
    if (identityService.createUserQuery().userId(adminUser).count() == 0
        || identityService.checkPassword(adminUser, PASSWORD)) {
      return;
    }
    throw new StartRefusedException("This database was set up without the demo profile: its user '" + adminUser
        + "' has the password chosen then, not 'demo'.",
        "Start the demo on a database of its own (the demo profile's default is ./data/demo; with postgres, point"
            + " DB_URL at an empty database), or start without the demo profile and log in as '" + adminUser
            + "' with the password you chose (AFTERSALES_ADMIN_PASSWORD).");
  }

  private void ensureUser(String id, List<String> groups) {
    if (identityService.createUserQuery().userId(id).count() == 0) {
      User user = identityService.newUser(id);
      user.setFirstName(Character.toUpperCase(id.charAt(0)) + id.substring(1));
      user.setLastName("Demo");
      user.setEmail(id + "@demo.aftersales.invalid");
      user.setPassword(PASSWORD);
      identityService.saveUser(user);
      LOG.info("Created demo user {}", id);
    }
    for (String group : groups) {
      if (identityService.createUserQuery().userId(id).memberOfGroup(group).count() == 0) {
        identityService.createMembership(id, group);
      }
    }
  }

  private static Map<String, List<String>> users() {
    Map<String, List<String>> users = new LinkedHashMap<>();
    users.put("service", List.of("customer-service"));
    users.put("engineer", List.of("after-sales"));
    users.put("technician", List.of("field-service"));
    users.put("logistics", List.of("logistics"));
    users.put("finance", List.of("finance"));
    users.put("rnd", List.of("rnd"));
    users.put("qa", List.of("qa"));
    users.put("sales", List.of("sales"));
    users.put("lead", List.of("approver-lead", "customer-service"));
    users.put("manager", List.of("approver-manager"));
    users.put("director", List.of("approver-director"));
    users.put("auditor", List.of(StaffGroup.AUDITORS));
    return java.util.Collections.unmodifiableMap(users);
  }
}
