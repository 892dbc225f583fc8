package org.aftersales.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * {@code POST /engine-rest/identity/verify} checks any user's password for any logged-in
 * caller: a password oracle, so it goes through the same {@link LoginThrottle}, keyed by the
 * user it names and the caller's address. Its answer ({@code "authenticated": true|false})
 * tells a failure from a success.
 */
public class IdentityVerifyThrottle extends OncePerRequestFilter {

  static final Pattern VERIFY = Pattern.compile("/engine-rest/identity/verify/?");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final int MAX_BODY_BYTES = 16 * 1024;

  private final LoginThrottle throttle;

  public IdentityVerifyThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !VERIFY.matcher(RequestPaths.of(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    byte[] body = request.getInputStream().readNBytes(MAX_BODY_BYTES + 1);
    if (body.length > MAX_BODY_BYTES) {
      JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "The body of identity/verify is larger than " + MAX_BODY_BYTES + " bytes");
      return;
    }
    HttpServletRequest replay = new EngineRequestGuard.CachedBodyRequest(request, body);
    String username = text(body, "username");
    if (username == null || username.isEmpty()) {
      chain.doFilter(replay, response);
      return;
    }
    String address = request.getRemoteAddr();
    Optional<Duration> wait = throttle.refusal(username, address);
    if (wait.isPresent()) {
      LoginThrottle.refuse(response, wait.get());
      return;
    }
    var answer = new ContentCachingResponseWrapper(response);
    try {
      chain.doFilter(replay, answer);
      if (answer.getStatus() == HttpServletResponse.SC_OK) {
        JsonNode result = parse(answer.getContentAsByteArray());
        if (result != null && result.path("authenticated").asBoolean(false)) {
          throttle.succeeded(username, address);
        } else {
          throttle.failed(username, address, LoginThrottle.Via.VERIFY);
        }
      }
    } finally {
      answer.copyBodyToResponse();
    }
  }

  private static String text(byte[] body, String field) {
    JsonNode json = parse(body);
    return json != null && json.path(field).isTextual() ? json.path(field).asText() : null;
  }

  private static JsonNode parse(byte[] json) {
    try {
      return MAPPER.readTree(json);
    } catch (IOException malformed) {
      return null;
    }
  }
}
