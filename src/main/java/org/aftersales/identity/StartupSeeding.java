package org.aftersales.identity;

import java.util.Optional;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Seeds identity, the demo people (demo profile only) and Tasklist filters on every start. */
@Component
class StartupSeeding {

  private final IdentitySeeder identity;
  private final Optional<DemoUsers> demoUsers;
  private final TasklistFilters filters;

  StartupSeeding(IdentitySeeder identity, Optional<DemoUsers> demoUsers, TasklistFilters filters) {
    this.identity = identity;
    this.demoUsers = demoUsers;
    this.filters = filters;
  }

  @EventListener(ApplicationReadyEvent.class)
  void seed() {
    identity.seed();
    demoUsers.ifPresent(DemoUsers::seed);
    filters.seed();
  }
}
