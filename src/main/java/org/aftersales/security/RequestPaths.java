package org.aftersales.security;

import jakarta.servlet.http.HttpServletRequest;

/** Request paths as the servlet that serves them sees them: decoded, without path parameters. */
public final class RequestPaths {

  /**
   * The start of a path of the engine's REST API, as {@code /engine-rest} (default or named engine) and
   * as the webapps' own engine API ({@code /camunda/api/engine/engine/{name}}) serve it: a regex to
   * continue with the resource ({@code ENGINE_API + "/task/[^/]+/?$"}).
   */
  public static final String ENGINE_API = "^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)";

  private RequestPaths() {
  }

  /**
   * The decoded path below the context path. Guards match on this, not on the raw request URI,
   * so {@code %2D} or {@code ;x=1} in a path cannot slip past a pattern while the REST layer
   * still resolves the same resource.
   */
  public static String of(HttpServletRequest request) {
    String servletPath = request.getServletPath() == null ? "" : request.getServletPath();
    String pathInfo = request.getPathInfo() == null ? "" : request.getPathInfo();
    return servletPath + pathInfo;
  }
}
