package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.webapp.impl.security.filter.util.CsrfConstants;
import org.slf4j.MDC;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * HTTP Basic against Camunda identity for {@code /engine-rest} and {@code /api}. The
 * authenticated user and their groups are set on the engine for the request, so every
 * engine call made on its behalf runs with authorization checks.
 *
 * <p>Every attempt goes through the {@link LoginThrottle}: a locked account or address gets a
 * 429 with Retry-After and its password is not checked.
 *
 * <p>With {@code requiredGroups} set, the user must belong to one of them (403 otherwise)
 * and no engine authentication is set: that mode guards operational endpoints.
 */
public class BasicAuthenticationFilter extends OncePerRequestFilter {

  private static final String REALM = "Basic realm=\"aftersales\"";
  private static final Set<String> SAFE_METHODS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final LoginThrottle throttle;
  private final Collection<String> requiredGroups;

  public BasicAuthenticationFilter(IdentityService identityService, LoginThrottle throttle) {
    this(identityService, throttle, List.of());
  }

  public BasicAuthenticationFilter(IdentityService identityService, LoginThrottle throttle,
      Collection<String> requiredGroups) {
    this.identityService = identityService;
    this.throttle = throttle;
    this.requiredGroups = requiredGroups;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String[] credentials = credentials(request.getHeader("Authorization"));
    if (credentials == null && requiredGroups.isEmpty() && RequestPaths.of(request).startsWith("/api/")) {
      Optional<Caller> session = Caller.ofWebappSession(request, Caller.DEFAULT_ENGINE);
      if (session.isPresent()) {
        asSessionUser(request, response, chain, session.get());
        return;
      }
    }
    if (credentials == null) {
      unauthorized(response);
      return;
    }
    String userId = credentials[0];
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusal(userId, address);
    if (wait.isPresent()) {
      LoginThrottle.refuse(response, wait.get());
      return;
    }
    if (!identityService.checkPassword(userId, credentials[1])) {
      throttle.failed(userId, address, LoginThrottle.Via.BASIC);
      unauthorized(response);
      return;
    }
    throttle.succeeded(userId, address);
    List<String> groups = identityService.createGroupQuery().groupMember(userId).list().stream()
        .map(Group::getId).toList();
    if (!requiredGroups.isEmpty()) {
      if (groups.stream().noneMatch(requiredGroups::contains)) {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "User '" + userId + "' may not access this resource");
        return;
      }
      chain.doFilter(request, response);
      return;
    }
    List<String> tenants = identityService.createTenantQuery().userMember(userId).includingGroupsOfUser(true)
        .list().stream().map(Tenant::getId).toList();
    identityService.setAuthentication(userId, groups, tenants);
    MDC.put("user", userId);
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
      MDC.remove("user");
    }
  }

  /**
   * {@code /api} for the Tasklist and Cockpit plugins: the user logged in to the webapps, with the
   * webapps' CSRF protection (the session's token in {@code X-XSRF-TOKEN}) on every change.
   */
  private void asSessionUser(HttpServletRequest request, HttpServletResponse response, FilterChain chain,
      Caller caller) throws IOException, ServletException {
    if (!SAFE_METHODS.contains(request.getMethod())) {
      Object expected = request.getSession().getAttribute(CsrfConstants.CSRF_TOKEN_SESSION_ATTR_NAME);
      String sent = request.getHeader(CsrfConstants.CSRF_TOKEN_HEADER_NAME);
      if (expected == null || sent == null || !MessageDigest.isEqual(expected.toString().getBytes(
          StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8))) {
        JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "The webapp session's CSRF token is missing or wrong (header " + CsrfConstants.CSRF_TOKEN_HEADER_NAME + ")");
        return;
      }
    }
    identityService.setAuthentication(caller.userId(), caller.groupIds(), caller.tenantIds());
    MDC.put("user", caller.userId());
    try {
      chain.doFilter(request, response);
    } finally {
      identityService.clearAuthentication();
      MDC.remove("user");
    }
  }

  private static void unauthorized(HttpServletResponse response) throws IOException {
    response.setHeader("WWW-Authenticate", REALM);
    JsonErrors.write(response, HttpServletResponse.SC_UNAUTHORIZED, "AuthenticationException",
        "Authentication required: HTTP Basic with a Camunda user's credentials");
  }

  /** User and password from a Basic header, or null when it is absent or malformed. */
  static String[] credentials(String header) {
    if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
      return null;
    }
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return null;
    }
    int colon = decoded.indexOf(':');
    if (colon <= 0) {
      return null;
    }
    return new String[] {decoded.substring(0, colon), decoded.substring(colon + 1)};
  }
}
