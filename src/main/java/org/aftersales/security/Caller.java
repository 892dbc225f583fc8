package org.aftersales.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.identity.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;

/**
 * Who sends a request, before the engine sees it: on {@code /engine-rest} and {@code /api} the
 * user our Basic filter set on the engine; on the webapps' API ({@code /camunda/api/...}) the user
 * of the webapp session, whose own filters run only after ours.
 */
public record Caller(String userId, List<String> groupIds, List<String> tenantIds) {

  private static final Pattern WEBAPP_ENGINE =
      Pattern.compile("^/camunda/api/(?:engine/engine|cockpit/plugin/[^/]+|tasklist/plugin/[^/]+|admin/plugin/[^/]+)/([^/]+)/");
  public static final String DEFAULT_ENGINE = "default";

  public static Optional<Caller> of(HttpServletRequest request, IdentityService identityService) {
    String path = RequestPaths.of(request);
    if (!path.startsWith("/camunda/")) {
      Authentication authentication = identityService.getCurrentAuthentication();
      return authentication == null || authentication.getUserId() == null ? Optional.empty()
          : Optional.of(new Caller(authentication.getUserId(), nonNull(authentication.getGroupIds()),
              nonNull(authentication.getTenantIds())));
    }
    Matcher engine = WEBAPP_ENGINE.matcher(path);
    return ofWebappSession(request, engine.find() ? engine.group(1) : DEFAULT_ENGINE);
  }

  /** The user logged in to the webapps (Tasklist, Cockpit) for the engine, from the request's session. */
  public static Optional<Caller> ofWebappSession(HttpServletRequest request, String engineName) {
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null) {
      return Optional.empty();
    }
    return authentications.getAuthenticationForProcessEngine(engineName) instanceof UserAuthentication user
        ? Optional.of(new Caller(user.getIdentityId(), nonNull(user.getGroupIds()), nonNull(user.getTenantIds())))
        : Optional.empty();
  }

  public boolean isAdmin() {
    return groupIds.contains(StaffGroup.ADMINS);
  }

  /** An auditor who works no tasks: may read everything, change nothing (not even their own profile). */
  public boolean isReadOnly() {
    return groupIds.contains(StaffGroup.AUDITORS) && !isAdmin()
        && groupIds.stream().noneMatch(StaffGroup.ids()::contains);
  }

  /** Runs {@code work} with this caller set on the engine, then restores the previous authentication. */
  public <T> T run(IdentityService identityService, Supplier<T> work) {
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.setAuthentication(userId, groupIds, tenantIds);
    try {
      return work.get();
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  private static List<String> nonNull(List<String> ids) {
    return ids == null ? List.of() : ids;
  }
}
