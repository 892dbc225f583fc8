package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The webapps' session login ({@code POST /camunda/api/admin/auth/user/{engine}/login/{app}},
 * form fields {@code username}, {@code password}) through the same {@link LoginThrottle} as
 * HTTP Basic. Camunda's login resource answers 401 for a wrong password and 200 on success;
 * a throttled attempt gets 429 with Retry-After and never reaches it.
 */
public class WebappLoginThrottle extends OncePerRequestFilter {

  static final Pattern LOGIN = Pattern.compile("/camunda/api/admin/auth/user/[^/]+/login/[^/]+/?");
  /** A login form is a few dozen bytes; a larger one is refused rather than parsed. */
  static final int MAX_FORM_BYTES = 16 * 1024;

  private final LoginThrottle throttle;

  public WebappLoginThrottle(LoginThrottle throttle) {
    this.throttle = throttle;
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return !"POST".equals(request.getMethod()) || !LOGIN.matcher(RequestPaths.of(request)).matches();
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    // Read the body ourselves and replay it: request.getParameter would consume it before the
    // login resource reads its form fields.
    byte[] body = request.getInputStream().readNBytes(MAX_FORM_BYTES + 1);
    if (body.length > MAX_FORM_BYTES) {
      JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "The login form is larger than " + MAX_FORM_BYTES + " bytes");
      return;
    }
    HttpServletRequest replay = new EngineRequestGuard.CachedBodyRequest(request, body);
    String username = formField(body, charset(request), "username");
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
    chain.doFilter(replay, response);
    if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
      throttle.failed(username, address, LoginThrottle.Via.WEBAPP);
    } else if (response.getStatus() == HttpServletResponse.SC_OK) {
      throttle.succeeded(username, address);
    }
  }

  /** The first value of a field of an {@code application/x-www-form-urlencoded} body, or null. */
  static String formField(byte[] body, Charset charset, String name) {
    for (String pair : new String(body, charset).split("&")) {
      int equals = pair.indexOf('=');
      String key = equals < 0 ? pair : pair.substring(0, equals);
      try {
        if (URLDecoder.decode(key, charset).equals(name)) {
          return equals < 0 ? "" : URLDecoder.decode(pair.substring(equals + 1), charset);
        }
      } catch (IllegalArgumentException malformed) {
        return null;
      }
    }
    return null;
  }

  private static Charset charset(HttpServletRequest request) {
    try {
      return request.getCharacterEncoding() == null ? StandardCharsets.UTF_8
          : Charset.forName(request.getCharacterEncoding());
    } catch (IllegalArgumentException unknown) {
      return StandardCharsets.UTF_8;
    }
  }
}
