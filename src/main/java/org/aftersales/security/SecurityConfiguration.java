package org.aftersales.security;

import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.Filter;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.aftersales.common.Languages;
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

  /** One throttle for every way of checking a password (HTTP Basic, the webapps' login, identity/verify). */
  @Bean
  LoginThrottle loginThrottle(MeterRegistry meters,
      @Value("${aftersales.security.login.failures-before-lock}") int failuresBeforeLock,
      @Value("${aftersales.security.login.address-failures-before-lock}") int addressFailuresBeforeLock,
      @Value("${aftersales.security.login.first-lock}") Duration firstLock,
      @Value("${aftersales.security.login.max-lock}") Duration maxLock,
      @Value("${aftersales.security.login.forget-after}") Duration forgetAfter) {
    return new LoginThrottle(new LoginThrottle.Settings(failuresBeforeLock, addressFailuresBeforeLock, firstLock,
        maxLock, forgetAfter), Clock.systemUTC(), meters);
  }

  /** First of all, so that every answer, refusals included, carries the headers. */
  @Bean
  FilterRegistrationBean<ResponseSecurityHeaders> responseSecurityHeaders(
      @Value("${aftersales.security.tls}") boolean tls) {
    return register(new ResponseSecurityHeaders(tls), "responseSecurityHeaders", 5, "/*");
  }

  /** Right after the headers: a directory that cannot answer (profile ldap) is a 503, wherever it fails. */
  @Bean
  FilterRegistrationBean<DirectoryUnavailable> directoryUnavailable(Languages languages) {
    return register(new DirectoryUnavailable(languages), "directoryUnavailable", 6, "/*");
  }

  @Bean
  FilterRegistrationBean<WebappLoginThrottle> webappLoginThrottle(LoginThrottle throttle) {
    return register(new WebappLoginThrottle(throttle), "webappLoginThrottle", 20, "/camunda/api/admin/auth/user/*");
  }

  /** After authentication: only a logged-in caller reaches identity/verify. */
  @Bean
  FilterRegistrationBean<IdentityVerifyThrottle> identityVerifyThrottle(LoginThrottle throttle) {
    return register(new IdentityVerifyThrottle(throttle), "identityVerifyThrottle", 25,
        "/engine-rest/identity/*");
  }

  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> restAuthentication(IdentityService identityService,
      LoginThrottle throttle) {
    return register(new BasicAuthenticationFilter(identityService, throttle), "restAuthentication", 20, REST_PATHS);
  }

  /** After authentication: knows the caller of /engine-rest and /api, and the webapps' session user. */
  @Bean
  FilterRegistrationBean<EngineWriteGuard> engineWriteGuard(IdentityService identityService, EngineChecks checks) {
    return register(new EngineWriteGuard(identityService, checks), "engineWriteGuard", 25, "/engine-rest/*",
        "/api/*", "/camunda/api/*");
  }

  /** Metrics are for operators: administrators and auditors. */
  @Bean
  FilterRegistrationBean<BasicAuthenticationFilter> operationsAuthentication(IdentityService identityService,
      LoginThrottle throttle) {
    var filter = new BasicAuthenticationFilter(identityService, throttle,
        List.of(StaffGroup.ADMINS, StaffGroup.AUDITORS));
    return register(filter, "operationsAuthentication", 20, OPERATIONS_PATHS);
  }

  /** Lower orders run first: headers (5), the request guard (10), authentication (20), then the rest. */
  private static <T extends Filter> FilterRegistrationBean<T> register(T filter, String name, int order,
      String... paths) {
    var registration = new FilterRegistrationBean<>(filter);
    registration.addUrlPatterns(paths);
    registration.setName(name);
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + order);
    return registration;
  }
}
