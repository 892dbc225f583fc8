package org.aftersales.common;

import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Runs engine calls of the application's own API without the caller's engine
 * authorizations. The API checks who may call it (see {@code ApiAccess}); the steps it
 * then takes (start a case, correlate a callback, read a case's history) are the
 * application's, not the caller's, and staff hold no instance-level grants.
 */
@Component
public class SystemAuthority {

  private final IdentityService identityService;

  public SystemAuthority(IdentityService identityService) {
    this.identityService = identityService;
  }

  public <T> T call(Supplier<T> work) {
    Authentication caller = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      return work.get();
    } finally {
      if (caller != null) {
        identityService.setAuthentication(caller);
      }
    }
  }

  public void run(Runnable work) {
    call(() -> {
      work.run();
      return null;
    });
  }

  /** The authenticated user of the current request or engine command, or null. */
  public String currentUserId() {
    Authentication authentication = identityService.getCurrentAuthentication();
    return authentication == null ? null : authentication.getUserId();
  }
}
