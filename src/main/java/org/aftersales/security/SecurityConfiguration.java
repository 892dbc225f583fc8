package org.aftersales.security;

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
    var registration = new FilterRegistrationBean<>(new EngineRequestGuard(maxInspectedBytes));
    registration.addUrlPatterns(QUERY_PATHS);
    registration.setName("engineRequestGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
    return registration;
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> restAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(new BasicAuthenticationFilter(identityService));
    registration.addUrlPatterns(REST_PATHS);
    registration.setName("restAuthentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }

  /** Metrics are for operators: administrators and auditors. */
  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> operationsAuthentication(IdentityService identityService) {
    var registration = new FilterRegistrationBean<>(
        new BasicAuthenticationFilter(identityService, List.of(StaffGroup.ADMINS, StaffGroup.AUDITORS)));
    registration.addUrlPatterns(OPERATIONS_PATHS);
    registration.setName("operationsAuthentication");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
    return registration;
  }
}
