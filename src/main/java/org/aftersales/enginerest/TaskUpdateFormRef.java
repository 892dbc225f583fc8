package org.aftersales.enginerest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.aftersales.security.EngineRequestGuard;
import org.aftersales.security.RequestPaths;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code PUT .../task/{id}} with the task as {@code GET} gave it: Tasklist saves a follow-up or due
 * date that way. For a task with a Camunda Form the body holds {@code camundaFormRef}, which the
 * engine's REST API cannot read back (an interface: 400 with an empty message), so nobody could set a
 * date on such a task. The engine never changes a task's form through this call; the reference is
 * left out (null) before it sees the body.
 */
public class TaskUpdateFormRef extends OncePerRequestFilter {

  private static final Pattern UPDATE_TASK = Pattern.compile(RequestPaths.ENGINE_API + "/task/[^/]+/?$");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Larger bodies are left to the engine (and the request guard), unread. */
  private static final int MAX_BYTES = 65_536;

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"PUT".equals(request.getMethod()) || !UPDATE_TASK.matcher(RequestPaths.of(request)).matches()
        || request.getContentLength() < 0 || request.getContentLength() > MAX_BYTES;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readAllBytes();
    JsonNode json;
    try {
      json = MAPPER.readTree(body);
    } catch (IOException e) {
      json = null; // the engine answers that
    }
    if (json instanceof ObjectNode task && task.hasNonNull("camundaFormRef")) {
      task.putNull("camundaFormRef");
      body = MAPPER.writeValueAsBytes(task);
    }
    chain.doFilter(new EngineRequestGuard.CachedBodyRequest(request, body), response);
  }
}
