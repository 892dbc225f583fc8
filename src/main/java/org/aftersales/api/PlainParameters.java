package org.aftersales.api;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import org.aftersales.security.RequestPaths;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * URL parameters and path segments of {@code /api} as plain text, like JSON fields (StrictJson):
 * a control character (a NUL fails on PostgreSQL only, as a 500) or a malformed escape is a 400
 * naming the parameter, before any controller runs.
 */
@Configuration
class PlainParameters implements HandlerInterceptor, WebMvcConfigurer {

  @Override
  public void addInterceptors(InterceptorRegistry registry) {
    registry.addInterceptor(this).addPathPatterns("/api/**");
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
    if (StrictJson.firstControl(RequestPaths.of(request)) >= 0) {
      throw ApiException.badField("path", "must not contain control characters");
    }
    String query = request.getQueryString();
    if (query == null) {
      return true;
    }
    for (String pair : query.split("&")) {
      int equals = pair.indexOf('=');
      String name = equals < 0 ? pair : pair.substring(0, equals);
      String value = equals < 0 ? "" : pair.substring(equals + 1);
      String decodedName;
      String decodedValue;
      try {
        decodedName = URLDecoder.decode(name, StandardCharsets.UTF_8);
        decodedValue = URLDecoder.decode(value, StandardCharsets.UTF_8);
      } catch (IllegalArgumentException malformed) {
        throw ApiException.badField(name, "is not properly percent-encoded");
      }
      if (StrictJson.firstControl(decodedName) >= 0 || StrictJson.firstControl(decodedValue) >= 0) {
        throw ApiException.badField(StrictJson.firstControl(decodedName) >= 0 ? "query" : decodedName,
            "must not contain control characters");
      }
    }
    return true;
  }
}
