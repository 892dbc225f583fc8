package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.aftersales.security.LoginThrottle.Via;
import org.junit.jupiter.api.Test;

/** The throttle's rules on a clock the test moves: who is locked, for how long, and what is counted. */
class LoginThrottleTest {

  private static final String ATTACKER = "203.0.113.7";
  private static final String OFFICE = "198.51.100.20";

  private final MovableClock clock = new MovableClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final LoginThrottle throttle = new LoginThrottle(
      new LoginThrottle.Settings(5, 30, Duration.ofSeconds(5), Duration.ofMinutes(15), Duration.ofHours(1)),
      clock, meters);

  @Test
  void anAccountIsLockedOnlyAtTheAddressThatGuessed() {
    fail("admin", ATTACKER, 4);
    assertThat(throttle.refusal("admin", ATTACKER)).isEmpty();

    fail("admin", ATTACKER, 1);

    assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(5));
    assertThat(throttle.refusal("admin", OFFICE)).isEmpty();
    assertThat(throttle.refusal("alice", ATTACKER)).isEmpty();
  }

  @Test
  void locksGrowAreCappedAndExpireByThemselves() {
    fail("admin", ATTACKER, 5);
    clock.advance(Duration.ofSeconds(5));
    assertThat(throttle.refusal("admin", ATTACKER)).as("the first lock has expired").isEmpty();

    fail("admin", ATTACKER, 1);
    assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(10));
    for (int i = 0; i < 20; i++) {
      clock.advance(Duration.ofMinutes(15));
      fail("admin", ATTACKER, 1);
    }
    assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofMinutes(15));

    clock.advance(Duration.ofMinutes(15));
    assertThat(throttle.refusal("admin", ATTACKER)).isEmpty();
  }

  @Test
  void failuresAreForgottenAfterAQuietHour() {
    fail("admin", ATTACKER, 5);
    clock.advance(Duration.ofHours(1).plusSeconds(1));

    fail("admin", ATTACKER, 1);

    assertThat(throttle.refusal("admin", ATTACKER)).as("counting starts again").isEmpty();
  }

  @Test
  void theRightPasswordClearsTheAccountsFailuresAtThatAddress() {
    fail("alice", OFFICE, 4);
    throttle.succeeded("alice", OFFICE);
    fail("alice", OFFICE, 4);

    assertThat(throttle.refusal("alice", OFFICE)).isEmpty();
  }

  @Test
  void anAddressTryingManyAccountsIsLockedForAllOfThem() {
    for (int i = 0; i < 29; i++) {
      fail("user" + i, ATTACKER, 1);
    }
    assertThat(throttle.refusal("admin", ATTACKER)).isEmpty();

    fail("user29", ATTACKER, 1);
    throttle.succeeded("own-account", ATTACKER);

    assertThat(throttle.refusal("admin", ATTACKER)).contains(Duration.ofSeconds(5));
    assertThat(throttle.refusal("admin", OFFICE)).isEmpty();
  }

  @Test
  void failuresLocksAndRefusalsAreCounted() {
    fail("admin", ATTACKER, 5);
    throttle.failed("alice", OFFICE, Via.WEBAPP);
    throttle.refusal("admin", ATTACKER);
    throttle.refusal("admin", ATTACKER);

    assertThat(meters.get("aftersales.login.failures").tag("via", "basic").counter().count()).isEqualTo(5);
    assertThat(meters.get("aftersales.login.failures").tag("via", "webapp").counter().count()).isEqualTo(1);
    assertThat(meters.get("aftersales.login.locks").tag("scope", "account").counter().count()).isEqualTo(1);
    assertThat(meters.get("aftersales.login.locks").tag("scope", "address").counter().count()).isZero();
    assertThat(meters.get("aftersales.login.refused").counter().count()).isEqualTo(2);
  }

  @Test
  void accountNamesAreLoggedWithoutLineBreaks() {
    assertThat(LoginThrottle.printable("admin\r\nINFO forged line")).isEqualTo("admin??INFO forged line");
    assertThat(LoginThrottle.printable("x".repeat(100))).hasSize(65);
  }

  @Test
  void theWebappLoginFormIsReadAsTheLoginResourceReadsIt() {
    byte[] form = "password=a%26b&username=%E5%BC%A0%20san".getBytes(StandardCharsets.UTF_8);
    assertThat(WebappLoginThrottle.formField(form, StandardCharsets.UTF_8, "username")).isEqualTo("张 san");
    assertThat(WebappLoginThrottle.formField(form, StandardCharsets.UTF_8, "other")).isNull();
    assertThat(WebappLoginThrottle.formField("username=%zz".getBytes(StandardCharsets.UTF_8),
        StandardCharsets.UTF_8, "username")).isNull();
  }

  private void fail(String account, String address, int times) {
    for (int i = 0; i < times; i++) {
      throttle.failed(account, address, Via.BASIC);
    }
  }

  /** A clock the test moves by hand. */
  private static final class MovableClock extends Clock {
    private Instant now = Instant.parse("2026-12-03T09:00:00Z");

    void advance(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
