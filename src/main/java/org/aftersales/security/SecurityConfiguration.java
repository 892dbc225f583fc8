package org.aftersales.security;

import jakarta.servlet.Filter;
import java.util.List;
import org.aftersales.identity.StaffGroup;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * The security filters of DESIGN §5. The webapps ({@code /camunda/app}, {@code /camunda/api})
 * keep their own session login and CSRF protection; their engine API is guarded for
 * expressions like {@code /engine-rest}, since Tasklist posts queries through it.
 */
@Configuration
public class SecurityConfiguration {

  static final String[] REST_PATHS = {"/engine-rest/*", "/api/*"};
  static final String[] QUERY_PATHS = {"/engine-rest/*", "/camunda/api/*"};
  static final String[] OPERATIONS_PATHS = {"/actuator/prometheus", "/actuator/prometheus/*"};

  @Bean
  FilterRegistrationBean<EngineRequestGuard> engineRequestGuard(
      @Value("${aftersales.security.max-inspected-body-bytes}") int maxInspectedBytes) {
    return register(new EngineRequestGuard(maxInspectedBytes), "engineRequestGuard", 10, QUERY_PATHS);
  }

  /** Cockpit's one unpaged list gets the engine's result cap as its page size (see WebappQueryPaging). */
  @Bean
  FilterRegistrationBean<WebappQueryPaging> webappQueryPaging(
      @Value("${camunda.bpm.generic-properties.properties.query-max-results-limit:2000}") int maxResults) {
    return register(new WebappQueryPaging(maxResults), "webappQueryPaging", 15, "/camunda/api/engine/*");
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> restAuthentication(IdentityService identityService) {
    return register(new BasicAuthenticationFilter(identityService), "restAuthentication", 20, REST_PATHS);
  }

  /** After authentication: knows the caller of /engine-rest and /api, and the webapps' session user. */
  @Bean
  FilterRegistrationBean<EngineWriteGuard> engineWriteGuard(IdentityService identityService, EngineChecks checks) {
    return register(new EngineWriteGuard(identityService, checks), "engineWriteGuard", 25, "/engine-rest/*",
        "/api/*", "/camunda/api/*");
  }

  /** Metrics are for operators: administrators and auditors. */
  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> operationsAuthentication(IdentityService identityService) {
    var filter = new BasicAuthenticationFilter(identityService, List.of(StaffGroup.ADMINS, StaffGroup.AUDITORS));
    return register(filter, "operationsAuthentication", 20, OPERATIONS_PATHS);
  }

  /** Lower orders run first: the request guard (10) before authentication (20). */
  private static <T extends Filter> FilterRegistrationBean<T> register(T filter, String name, int order,
      String... paths) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(paths);
    registration.setName(name);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
    return registration;
  }
}
