package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Writes the engine's own checks come too late for, refused before the engine runs anything:
 * <ul>
 *   <li>Read-only callers (auditors, see {@link Caller#isReadOnly()}) change nothing: on
 *       {@code /engine-rest}, {@code /api} and the webapps' API they may only read, POSTed queries
 *       included; comments, attachments, their own profile or password are refused like the rest.</li>
 *   <li>Jobs: the engine checks an execution inside the job's run and treats a refusal as the job
 *       failing, so an outsider's 403 still used up the job's retries; and a job outside any process
 *       (the history cleanup) has nothing to check against, so anyone could run or suspend it. A
 *       job's execution, retries, due date, suspension and priority get through only for a caller
 *       the engine lets update it; one who cannot see it gets the answer of an unknown job.</li>
 *   <li>Bulk job changes, job definitions and history cleanup on demand: administrators only.</li>
 * </ul>
 */
public class EngineWriteGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineWriteGuard.class);
  private static final String ENGINE = RequestPaths.ENGINE_API;
  /** The engine REST API's POSTed queries (7.24 OpenAPI: "Get List (POST)", "... Count (POST)"). */
  private static final Pattern QUERY = Pattern.compile(ENGINE + "(?:/(?:history/)?(?:execution|external-task|group"
      + "|activity-instance|detail|external-task-log|job-log|process-instance|task|variable-instance|job"
      + "|job-definition|schema/log)(?:/count)?|/filter/[^/]+/(?:list|count|singleResult))/?$");
  /** Cockpit's plugins query with POST; the webapps' session login and logout. */
  private static final Pattern WEBAPP_READ = Pattern.compile(
      "^/camunda/api/(?:cockpit/plugin/.+|admin/auth/user/[^/]+/(?:login/[^/]+|logout))$");
  /** A job's execution, retries, due date, suspension or priority. */
  private static final Pattern ONE_JOB = Pattern.compile(
      ENGINE + "/job/(?<id>(?!retries/?$|suspended/?$)[^/]+)/(?:execute|retries|duedate(?:/recalculate)?|suspended|priority)/?$");
  /** Jobs by the batch, job definitions and the history cleanup: nothing a staff member or auditor does. */
  private static final Pattern ADMIN_ONLY = Pattern.compile(
      ENGINE + "/(?:job/(?:retries|suspended)|job-definition(?:/.*)?|history/cleanup)/?$");
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");

  private final IdentityService identityService;
  private final EngineChecks checks;

  public EngineWriteGuard(IdentityService identityService, EngineChecks checks) {
    this.identityService = identityService;
    this.checks = checks;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String method = request.getMethod();
    Optional<Caller> caller = READS.contains(method) ? Optional.empty() : Caller.of(request, identityService);
    if (caller.isEmpty() || caller.get().isAdmin()) {
      chain.doFilter(request, response); // reads, administrators, and nobody logged in (the engine answers 401)
      return;
    }
    String path = RequestPaths.of(request);
    if (isRead(method, path)) {
      chain.doFilter(request, response);
      return;
    }
    if (caller.get().isReadOnly()) {
      refuse(request, response, caller.get(), HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "User '" + caller.get().userId() + "' has read-only access (auditors) and may change nothing");
      return;
    }
    if (ADMIN_ONLY.matcher(path).matches()) {
      refuse(request, response, caller.get(), HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Only administrators may change jobs in bulk, job definitions or run the history cleanup");
      return;
    }
    Matcher job = ONE_JOB.matcher(path);
    if (job.matches()) {
      EngineChecks.Access access = caller.get().run(identityService, () -> checks.jobUpdate(job.group("id")));
      if (access == EngineChecks.Access.HIDDEN) {
        refuse(request, response, caller.get(), HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
            "Job with id " + job.group("id") + " does not exist");
        return;
      }
      if (access == EngineChecks.Access.DENIED) {
        refuse(request, response, caller.get(), HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
            "User '" + caller.get().userId() + "' may not change job " + job.group("id"));
        return;
      }
    }
    chain.doFilter(request, response);
  }

  static boolean isRead(String method, String path) {
    return READS.contains(method)
        || "POST".equals(method) && (QUERY.matcher(path).matches() || WEBAPP_READ.matcher(path).matches());
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, Caller caller, int status,
      String type, String message) throws IOException {
    LOG.warn("Refused {} {} for {}: {}", request.getMethod(), RequestPaths.of(request), caller.userId(), message);
    JsonErrors.write(response, status, type, message);
  }
}
