package org.aftersales.enginerest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.security.JsonErrors;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.UserAuthentication;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code DELETE .../task/{id}} of a task the caller may not see answers exactly as for a task that
 * does not exist (404), on {@code /engine-rest} and the webapps' engine API. The engine itself
 * checks whether the task belongs to a process before it checks the caller's permission, and
 * deletes an unknown id silently: without this an outsider could tell which task ids exist.
 */
public class HiddenTaskDeletion extends OncePerRequestFilter {

  private static final Pattern DELETE_TASK = Pattern.compile("^(?:/camunda/api/engine/engine/(?<webappEngine>[^/]+)"
      + "|/engine-rest(?:/engine/(?<engine>[^/]+))?)/task/(?<id>[^/]+)/?$");

  private final ProcessEngine engine;

  public HiddenTaskDeletion(ProcessEngine engine) {
    this.engine = engine;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"DELETE".equals(request.getMethod());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher task = DELETE_TASK.matcher(RequestPaths.of(request));
    if (task.matches() && ourEngine(task) && !visible(request, task)) {
      JsonErrors.write(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
          "No matching task with id " + task.group("id"));
      return;
    }
    chain.doFilter(request, response);
  }

  private boolean ourEngine(Matcher task) {
    String named = task.group("webappEngine") != null ? task.group("webappEngine") : task.group("engine");
    return named == null || named.equals(engine.getName());
  }

  /**
   * Whether the caller can read the task: {@code /engine-rest}'s authentication is set by then;
   * a webapp's is in its session (no session: the webapp's own filters answer 401).
   */
  private boolean visible(HttpServletRequest request, Matcher task) {
    if (task.group("webappEngine") == null) {
      return count(task.group("id")) > 0;
    }
    HttpSession session = request.getSession(false);
    Authentications authentications = session == null ? null : AuthenticationUtil.getAuthsFromSession(session);
    if (authentications == null
        || !(authentications.getAuthenticationForProcessEngine(engine.getName()) instanceof UserAuthentication user)) {
      return true;
    }
    IdentityService identity = engine.getIdentityService();
    Authentication previous = identity.getCurrentAuthentication();
    identity.setAuthentication(user.getIdentityId(), user.getGroupIds(), user.getTenantIds());
    try {
      return count(task.group("id")) > 0;
    } finally {
      if (previous == null) {
        identity.clearAuthentication();
      } else {
        identity.setAuthentication(previous);
      }
    }
  }

  /** Runs as the authenticated caller, so it finds only tasks they may read. */
  private long count(String taskId) {
    return engine.getTaskService().createTaskQuery().taskId(taskId).count();
  }
}
