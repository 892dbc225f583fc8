package org.aftersales.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.regex.Pattern;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Cockpit 7.24 lists a process definition's versions with an unpaged query
 * ({@code GET .../process-definition?key=…&sortBy=version}), which the engine's
 * {@code query-max-results-limit} refuses with 400. For that list only, the webapps' requests
 * get the limit as their page size: the cap stays, Cockpit's version list works.
 */
public class WebappQueryPaging extends OncePerRequestFilter {

  private static final Pattern DEFINITION_LIST =
      Pattern.compile("^/camunda/api/engine/engine/[^/]+/process-definition/?$");

  private final int maxResults;

  public WebappQueryPaging(int maxResults) {
    this.maxResults = maxResults;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String query = request.getQueryString();
    if (!"GET".equals(request.getMethod()) || !DEFINITION_LIST.matcher(RequestPaths.of(request)).matches()
        || query != null && query.contains("maxResults=")) {
      chain.doFilter(request, response);
      return;
    }
    String paged = (query == null || query.isEmpty() ? "" : query + "&") + "firstResult=0&maxResults=" + maxResults;
    chain.doFilter(new HttpServletRequestWrapper(request) {
      @Override
      public String getQueryString() {
        return paged;
      }

      @Override
      public String getParameter(String name) {
        return switch (name) {
          case "firstResult" -> "0";
          case "maxResults" -> String.valueOf(maxResults);
          default -> super.getParameter(name);
        };
      }
    }, response);
  }
}
