package org.aftersales.security;

import static java.util.stream.Collectors.joining;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.HttpCookie;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.identity.LockedUserRecovery;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/**
 * Issue 20, finding 1 and the headers of finding 9, as an outside client meets them. Client
 * addresses are told by X-Forwarded-For from loopback, as the nginx in front does. The shared
 * context with the default settings (5 failures, first lock 5 s, 30 per address): a context of
 * its own would take over the engine name "default" that engine-rest looks up statically.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleIT {

  private static final String PROFILE = "/engine-rest/user/" + TestUsers.ADMIN + "/profile";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired ProcessEngineConfigurationImpl engine;
  @Autowired LockedUserRecovery recovery;
  @Autowired LoginThrottle throttle;
  @Autowired JdbcTemplate jdbc;

  Http http;

  @BeforeAll
  void client() {
    http = new Http(port);
  }

  @Test
  void guessingAdminsPasswordLocksOnlyTheGuessersAddress() {
    List<HttpResponse<String>> guesses = new ArrayList<>();
    for (int i = 0; i < 35; i++) {
      guesses.add(get(PROFILE, TestUsers.ADMIN, "guess-" + i, "203.0.113.7"));
    }

    assertThat(guesses.subList(0, 5)).allSatisfy(r -> assertThat(r.statusCode()).isEqualTo(401));
    assertThat(guesses.subList(5, 35)).allSatisfy(r -> {
      assertThat(r.statusCode()).isEqualTo(429);
      assertThat(r.headers().firstValue("Retry-After")).isPresent();
      assertThat(r.body()).contains("LoginThrottledException");
    });
    assertThat(get(PROFILE, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "203.0.113.7").statusCode())
        .as("the guesser's address is refused even with the right password").isEqualTo(429);
    assertThat(get(PROFILE, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "198.51.100.20").statusCode())
        .as("the administrator at another address").isEqualTo(200);
  }

  @Test
  void aLockExpiresByItself() {
    String user = TestUsers.ensure(identityService, "throttle-expiry", "customer-service");
    for (int i = 0; i < 5; i++) {
      get(PROFILE, user, "wrong", "203.0.113.8");
    }
    assertThat(get(PROFILE, user, TestUsers.PASSWORD, "203.0.113.8").statusCode()).isEqualTo(429);

    Await.until("the lock to expire", Duration.ofSeconds(15),
        () -> get(PROFILE, user, TestUsers.PASSWORD, "203.0.113.8").statusCode() == 200);
  }

  @Test
  void theEngineItselfNeverLocksAnAccount() throws Exception {
    String user = TestUsers.ensure(identityService, "throttle-engine", "customer-service");
    // Straight to the engine, past our throttle (as the admin webapp's change of password does).
    for (int i = 0; i < 25; i++) {
      assertThat(identityService.checkPassword(user, "wrong-" + i)).isFalse();
    }
    Thread.sleep(5);

    assertThat(identityService.checkPassword(user, TestUsers.PASSWORD)).isTrue();
    assertThat(engine.getLoginMaxAttempts()).isEqualTo(Integer.MAX_VALUE);
    assertThat(jdbc.queryForObject("select attempts_ from act_id_user where id_ = ?", Integer.class, user))
        .as("the right password cleared the engine's count").isZero();
  }

  @Test
  void anAddressTryingManyAccountsIsThrottledForAll() {
    String user = TestUsers.ensure(identityService, "throttle-spray", "customer-service");
    for (int i = 0; i < 30; i++) {
      assertThat(get(PROFILE, "sprayed-" + i, "password1", "203.0.113.9").statusCode()).isEqualTo(401);
    }

    assertThat(get(PROFILE, user, TestUsers.PASSWORD, "203.0.113.9").statusCode()).isEqualTo(429);
    assertThat(get(PROFILE, user, TestUsers.PASSWORD, "198.51.100.21").statusCode()).isEqualTo(200);
  }

  @Test
  void theKeyIsTheConnectionsAddressNotTheClientsOwnForwardedFor() throws Exception {
    // Tomcat's RemoteIpValve replaces the address only for requests from a trusted proxy; here
    // loopback, which every test request comes from. So this shows the filter's side: it keys
    // by the request's address and ignores the header a client at 192.0.2.50 sends itself.
    String user = TestUsers.ensure(identityService, "throttle-spoof", "customer-service");
    var filter = new BasicAuthenticationFilter(identityService, throttle);
    for (int i = 0; i < 5; i++) {
      assertThat(basicFrom(filter, "192.0.2.50", "198.51.100." + (100 + i), user, "wrong")).isEqualTo(401);
    }

    assertThat(basicFrom(filter, "192.0.2.50", "198.51.100.200", user, TestUsers.PASSWORD)).isEqualTo(429);
    assertThat(basicFrom(filter, "192.0.2.51", "192.0.2.50", user, TestUsers.PASSWORD)).isEqualTo(200);
  }

  @Test
  void theWebappsLoginIsThrottledToo() {
    String user = TestUsers.ensure(identityService, "throttle-webapp", "customer-service");
    for (int i = 0; i < 5; i++) {
      assertThat(webappLogin(user, "wrong-" + i, "203.0.113.10").statusCode()).isEqualTo(401);
    }

    var throttled = webappLogin(user, TestUsers.PASSWORD, "203.0.113.10");
    assertThat(throttled.statusCode()).isEqualTo(429);
    assertThat(throttled.headers().firstValue("Retry-After")).isPresent();
    var elsewhere = webappLogin(user, TestUsers.PASSWORD, "198.51.100.22");
    assertThat(elsewhere.statusCode()).as(elsewhere.body()).isEqualTo(200);
    assertThat(elsewhere.headers().allValues("Set-Cookie")).filteredOn(c -> c.startsWith("JSESSIONID="))
        .isNotEmpty().allSatisfy(c -> assertThat(HttpCookie.parse(c).get(0).getSecure()).as(c).isTrue());
  }

  @Test
  void identityVerifyIsNoUnthrottledPasswordOracle() {
    String caller = TestUsers.ensure(identityService, "throttle-caller", "customer-service");
    for (int i = 0; i < 5; i++) {
      var guess = verify(caller, TestUsers.ADMIN, "oracle-" + i, "203.0.113.12");
      assertThat(guess.statusCode()).as(guess.body()).isEqualTo(200);
      assertThat(guess.body()).contains("\"authenticated\":false");
    }

    assertThat(verify(caller, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "203.0.113.12").statusCode()).isEqualTo(429);
    assertThat(verify(caller, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "198.51.100.25").body())
        .contains("\"authenticated\":true");
  }

  @Test
  void aUserTheEngineLockedIsUnlockedAtStart() {
    String user = TestUsers.ensure(identityService, "throttle-legacy", "customer-service");
    // As the engine's old throttle left it: locked for good after 10 failures.
    jdbc.update("update act_id_user set attempts_ = 10, lock_exp_time_ = ? where id_ = ?",
        Timestamp.from(Instant.now().plus(Duration.ofDays(1))), user);
    assertThat(identityService.checkPassword(user, TestUsers.PASSWORD)).as("locked").isFalse();

    // What a start with AFTERSALES_UNLOCK_USERS=throttle-legacy does.
    assertThat(recovery.unlock(List.of(user))).containsExactly(user);

    assertThat(identityService.checkPassword(user, TestUsers.PASSWORD)).isTrue();
  }

  @Test
  void failuresAndLocksAreInPrometheus() {
    get(PROFILE, "throttle-metrics", "wrong", "203.0.113.11");
    var scraped = get("/actuator/prometheus", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "198.51.100.23");
    assertThat(scraped.statusCode()).isEqualTo(200);
    assertThat(scraped.body()).contains("aftersales_login_failures_total{via=\"basic\"}")
        .contains("aftersales_login_failures_total{via=\"webapp\"}")
        .contains("aftersales_login_failures_total{via=\"verify\"}")
        .contains("aftersales_login_locks_total{scope=\"account\"}")
        .contains("aftersales_login_locks_total{scope=\"address\"}")
        .contains("aftersales_login_refused_total");
  }

  @Test
  void apiAnswersAreNotSniffedNorStored() {
    var ok = get("/api/cases/AS-2026-999999", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD, "198.51.100.24");
    var refused = get("/api/cases/AS-2026-999999", null, null, "198.51.100.24");
    assertThat(List.of(ok, refused)).allSatisfy(r -> {
      assertThat(r.headers().allValues("X-Content-Type-Options")).containsExactly("nosniff");
      assertThat(r.headers().allValues("Cache-Control")).containsExactly("no-store");
    });
  }

  @Test
  void hstsOnlyOverHttpsWhileTheTlsSwitchIsOff() {
    assertThat(get("/camunda/app/tasklist/default/", null, null, "198.51.100.24").headers()
        .firstValue("Strict-Transport-Security")).isEmpty();
    assertThat(getOverHttps("/camunda/app/tasklist/default/", null, null, "198.51.100.24").headers()
        .firstValue("Strict-Transport-Security")).contains(ResponseSecurityHeaders.HSTS);
    assertThat(getOverHttps("/api/cases/AS-2026-999999", null, null, "198.51.100.24").headers()
        .firstValue("Strict-Transport-Security")).contains(ResponseSecurityHeaders.HSTS);
  }

  private HttpResponse<String> get(String path, String user, String password, String forwardedFor) {
    return http.send(http.request(path, user, password).header("X-Forwarded-For", forwardedFor).GET());
  }

  /** As the proxy forwards a request that reached it over HTTPS. */
  private HttpResponse<String> getOverHttps(String path, String user, String password, String forwardedFor) {
    return http.send(http.request(path, user, password).header("X-Forwarded-For", forwardedFor)
        .header("X-Forwarded-Proto", "https").GET());
  }

  private int basicFrom(BasicAuthenticationFilter filter, String address, String forwardedFor, String user,
      String password) throws Exception {
    var request = new MockHttpServletRequest("GET", PROFILE);
    request.setRemoteAddr(address);
    request.addHeader("X-Forwarded-For", forwardedFor);
    request.addHeader("Authorization", "Basic "
        + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    var response = new MockHttpServletResponse();
    filter.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  private HttpResponse<String> verify(String caller, String user, String password, String forwardedFor) {
    return http.send(http.request("/engine-rest/identity/verify", caller, TestUsers.PASSWORD)
        .header("X-Forwarded-For", forwardedFor).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString("{\"username\":\"" + user + "\",\"password\":\"" + password + "\"}")));
  }

  /**
   * The webapps' login as a browser sends it over HTTPS through the proxy: session and CSRF
   * cookie from the page, then the form.
   */
  private HttpResponse<String> webappLogin(String user, String password, String forwardedFor) {
    var page = getOverHttps("/camunda/app/tasklist/default/", null, null, forwardedFor);
    Map<String, String> cookies = new LinkedHashMap<>();
    page.headers().allValues("Set-Cookie").forEach(header ->
        HttpCookie.parse(header).forEach(cookie -> cookies.put(cookie.getName(), cookie.getValue())));
    return http.send(http.request("/camunda/api/admin/auth/user/default/login/tasklist", null, null)
        .header("X-Forwarded-For", forwardedFor).header("X-Forwarded-Proto", "https")
        .header("Cookie", cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(joining("; ")))
        .header("X-XSRF-TOKEN", cookies.getOrDefault("XSRF-TOKEN", ""))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString("username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
            + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8))));
  }
}
