package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.identity.ldap.DirectoryUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A directory that cannot answer (profile {@code ldap}) is a 503 in the reader's language, never a 500
 * page: for HTTP Basic on {@code /engine-rest} and {@code /api}, and for the webapps' session check,
 * which fail outside any JAX-RS application. Inside the webapps' and engine-rest's applications
 * (the webapps' login among them) {@code enginerest.DirectoryUnavailableMapper} answers the same.
 */
public class DirectoryUnavailable extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryUnavailable.class);
  public static final String TYPE = "DirectoryUnavailableException";

  private final Languages languages;

  public DirectoryUnavailable(Languages languages) {
    this.languages = languages;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    try {
      chain.doFilter(request, response);
    } catch (ServletException | IOException | RuntimeException e) {
      DirectoryUnavailableException unavailable = DirectoryUnavailableException.in(e);
      if (unavailable == null || response.isCommitted()) {
        throw e;
      }
      response.resetBuffer();
      answer(response, languages.of(request), unavailable, request.getMethod() + " " + RequestPaths.of(request));
    }
  }

  /** The answer's body: {@code {"type": "DirectoryUnavailableException", "message": ...}}. */
  public static Map<String, Object> body(Language language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("message", Bundle.load("directory", language).get("unavailable"));
    return body;
  }

  public static void log(String where, DirectoryUnavailableException e) {
    LOG.warn("{} answered 503: {}", where, e.getMessage());
  }

  private static void answer(HttpServletResponse response, Language language, DirectoryUnavailableException e,
      String where) throws IOException {
    log(where, e);
    response.setHeader("Retry-After", "60");
    JsonErrors.write(response, HttpServletResponse.SC_SERVICE_UNAVAILABLE, TYPE,
        (String) body(language).get("message"));
  }
}
