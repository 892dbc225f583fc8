package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Headers the webapps' own header filter does not cover. HSTS on every answer when the
 * application is served over TLS ({@code aftersales.security.tls}, or a request that arrived
 * over HTTPS, also as the proxy reports it in X-Forwarded-Proto). On the JSON APIs
 * ({@code /api}, {@code /engine-rest}): no MIME sniffing and no caching of answers that carry
 * case and customer data.
 */
public class ResponseSecurityHeaders extends OncePerRequestFilter {

  static final String HSTS = "max-age=31536000";

  private final boolean tls;

  public ResponseSecurityHeaders(boolean tls) {
    this.tls = tls;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (tls || request.isSecure()) {
      response.setHeader("Strict-Transport-Security", HSTS);
    }
    if (!isApi(RequestPaths.of(request))) {
      chain.doFilter(request, response);
      return;
    }
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("Cache-Control", "no-store");
    chain.doFilter(request, new SingleValued(response));
  }

  static boolean isApi(String path) {
    return path.equals("/api") || path.startsWith("/api/") || path.equals("/engine-rest")
        || path.startsWith("/engine-rest/");
  }

  /** A controller that adds one of our headers again (a download's nosniff) replaces ours, no duplicate. */
  private static final class SingleValued extends HttpServletResponseWrapper {

    SingleValued(HttpServletResponse response) {
      super(response);
    }

    @Override
    public void addHeader(String name, String value) {
      if (name.equalsIgnoreCase("X-Content-Type-Options") || name.equalsIgnoreCase("Cache-Control")) {
        setHeader(name, value);
      } else {
        super.addHeader(name, value);
      }
    }
  }
}
