package org.aftersales.enginerest;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.security.JsonErrors;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.ProcessEngine;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code DELETE /engine-rest/task/{id}} of a task the caller may not see answers exactly as for a
 * task that does not exist (404). The engine itself checks whether the task belongs to a process
 * before it checks the caller's permission, and deletes an unknown id silently: without this an
 * outsider could tell which task ids exist (a 500 for a process's task, a 403 for a standalone one).
 */
public class HiddenTaskDeletion extends OncePerRequestFilter {

  private static final Pattern DELETE_TASK = Pattern.compile("^/engine-rest(?:/engine/(?<engine>[^/]+))?/task/(?<id>[^/]+)/?$");

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
    boolean ourEngine = task.matches() && (task.group("engine") == null || task.group("engine").equals(engine.getName()));
    // The query runs as the authenticated caller, so it finds only tasks they may read.
    if (ourEngine && engine.getTaskService().createTaskQuery().taskId(task.group("id")).count() == 0) {
      JsonErrors.write(response, HttpServletResponse.SC_NOT_FOUND, "InvalidRequestException",
          "No matching task with id " + task.group("id"));
      return;
    }
    chain.doFilter(request, response);
  }
}
