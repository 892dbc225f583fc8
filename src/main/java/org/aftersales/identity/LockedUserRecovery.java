package org.aftersales.identity;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * The way back from locks the engine's own login throttle set (it locked an account for good
 * after 10 failures; it is switched off now, but such locks stay in the database): at every
 * start the administrator ({@code aftersales.admin.user}) and the users named in
 * {@code AFTERSALES_UNLOCK_USERS} are unlocked. No database surgery, no second administrator.
 */
@Component
public class LockedUserRecovery {

  private static final Logger LOG = LoggerFactory.getLogger(LockedUserRecovery.class);

  private final IdentityService identityService;
  private final String admin;
  private final List<String> named;

  LockedUserRecovery(IdentityService identityService, @Value("${aftersales.admin.user}") String admin,
      @Value("${aftersales.security.unlock-users:}") List<String> named) {
    this.identityService = identityService;
    this.admin = admin;
    this.named = named;
  }

  @EventListener(ApplicationReadyEvent.class)
  void atStart() {
    Set<String> userIds = new LinkedHashSet<>();
    userIds.add(admin);
    named.stream().map(String::trim).filter(id -> !id.isEmpty()).forEach(userIds::add);
    unlock(userIds);
  }

  /** Clears the engine's lock state of these users; those that had one. */
  public List<String> unlock(Collection<String> userIds) {
    List<String> unlocked = new ArrayList<>();
    for (String userId : userIds) {
      User user = identityService.createUserQuery().userId(userId).singleResult();
      if (user == null) {
        if (!userId.equals(admin)) {
          LOG.warn("aftersales.security.unlock-users names '{}', which is no user; nothing to unlock", userId);
        }
      } else if (user instanceof UserEntity entity
          && (entity.getAttempts() > 0 || entity.getLockExpirationTime() != null)) {
        identityService.unlockUser(userId);
        unlocked.add(userId);
        LOG.info("Unlocked user '{}': cleared the engine's login lock ({} failed attempts, locked until {})",
            userId, entity.getAttempts(), entity.getLockExpirationTime());
      }
    }
    return unlocked;
  }
}
