package org.aftersales.benchmark;

import static io.gatling.javaapi.http.HttpDsl.http;

import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.time.Duration;

/** The run's settings, from system properties that benchmark/run.sh passes to Maven. */
final class Bench {

  static final String BASE_URL = property("bench.baseUrl", "http://localhost:18300");
  static final String USER = property("bench.user", "bench");
  static final String PASSWORD = property("bench.password", "bench-password");
  static final int USERS = Integer.parseInt(property("bench.users", "8"));
  static final Duration DURATION = Duration.ofSeconds(Long.parseLong(property("bench.seconds", "60")));

  private Bench() {
  }

  /** JSON over HTTP Basic as the given user, the way an integrator's client calls. */
  static HttpProtocolBuilder basic(String user, String password) {
    return http.baseUrl(BASE_URL)
        .acceptHeader("application/json")
        .contentTypeHeader("application/json")
        .basicAuth(user, password)
        .shareConnections()
        .disableCaching();
  }

  private static String property(String name, String fallback) {
    String value = System.getProperty(name);
    return value == null || value.isBlank() ? fallback : value;
  }
}
