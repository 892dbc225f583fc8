package org.aftersales.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Ticker;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Throttles failed logins of every kind (HTTP Basic, the webapps' login form, engine-rest's
 * identity/verify) in one place.
 * Failures count per account <em>and client address</em>, so someone guessing {@code admin}'s
 * password from one address locks only themselves, never the administrator at another
 * address; they also count per address across accounts, so trying many accounts from one
 * address is throttled too. Locks grow (first lock, doubling, capped) and expire by
 * themselves; a throttled attempt is refused without checking the password. The engine's
 * own throttle, which locks an account for good, is switched off in application.yaml.
 *
 * <p>State is in memory, per node, bounded in size; a restart clears it.
 */
public class LoginThrottle {

  private static final Logger LOG = LoggerFactory.getLogger(LoginThrottle.class);
  private static final long MAX_ENTRIES = 100_000;

  /**
   * @param failuresBeforeLock failures of one account from one address before it is locked there
   * @param addressFailuresBeforeLock failures from one address, any account, before the address is locked
   * @param firstLock the first lock; each further failure doubles it
   * @param maxLock the longest lock
   * @param forgetAfter failures are forgotten after this long without a new one (at least maxLock)
   */
  public record Settings(int failuresBeforeLock, int addressFailuresBeforeLock, Duration firstLock, Duration maxLock,
      Duration forgetAfter) {
  }

  /** Where a login was tried, for the failure counter's {@code via} tag. */
  public enum Via { BASIC, WEBAPP, VERIFY }

  private record AccountAtAddress(String account, String address) {
  }

  private record Failures(int count, Instant lockedUntil) {
  }

  private final Settings settings;
  private final Clock clock;
  private final Cache<AccountAtAddress, Failures> accounts;
  private final Cache<String, Failures> addresses;
  private final Counter basicFailures;
  private final Counter webappFailures;
  private final Counter verifyFailures;
  private final Counter accountLocks;
  private final Counter addressLocks;
  private final Counter refused;

  public LoginThrottle(Settings settings, Clock clock, MeterRegistry meters) {
    this.settings = settings;
    this.clock = clock;
    Duration forget = settings.forgetAfter().compareTo(settings.maxLock()) < 0 ? settings.maxLock() : settings.forgetAfter();
    // Caffeine reads time from our clock, so tests move it instead of sleeping.
    Ticker ticker = () -> TimeUnit.MILLISECONDS.toNanos(clock.millis());
    this.accounts = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(forget).maximumSize(MAX_ENTRIES).build();
    this.addresses = Caffeine.newBuilder().ticker(ticker).expireAfterWrite(forget).maximumSize(MAX_ENTRIES).build();
    this.basicFailures = failures(meters, "basic");
    this.webappFailures = failures(meters, "webapp");
    this.verifyFailures = failures(meters, "verify");
    this.accountLocks = locks(meters, "account");
    this.addressLocks = locks(meters, "address");
    this.refused = Counter.builder("aftersales.login.refused")
        .description("Login attempts refused unchecked because the account or address was locked").register(meters);
  }

  /** How long this account may not log in from this address, or empty when it may try now. */
  public Optional<Duration> refusal(String account, String address) {
    Instant now = clock.instant();
    Instant until = later(lockedUntil(accounts.getIfPresent(new AccountAtAddress(account, address)), now),
        lockedUntil(addresses.getIfPresent(address), now));
    if (until == null) {
      return Optional.empty();
    }
    refused.increment();
    return Optional.of(Duration.between(now, until));
  }

  /** A wrong password (or unknown account) from this address. */
  public void failed(String account, String address, Via via) {
    switch (via) {
      case BASIC -> basicFailures.increment();
      case WEBAPP -> webappFailures.increment();
      case VERIFY -> verifyFailures.increment();
    }
    Instant now = clock.instant();
    Failures ofAccount = accounts.asMap().compute(new AccountAtAddress(account, address),
        (key, old) -> next(old, settings.failuresBeforeLock(), now));
    if (ofAccount.lockedUntil() != null) {
      accountLocks.increment();
      LOG.warn("Login of '{}' from {} locked for {} after {} failed attempts", printable(account), address,
          Duration.between(now, ofAccount.lockedUntil()), ofAccount.count());
    }
    Failures ofAddress = addresses.asMap().compute(address,
        (key, old) -> next(old, settings.addressFailuresBeforeLock(), now));
    if (ofAddress.lockedUntil() != null) {
      addressLocks.increment();
      LOG.warn("Logins from {} locked for {} after {} failed attempts (last for '{}')", address,
          Duration.between(now, ofAddress.lockedUntil()), ofAddress.count(), printable(account));
    }
  }

  /**
   * The right password: that account's failures at that address are forgotten. The address's
   * own count is not, or an attacker could reset it with an account of their own.
   */
  public void succeeded(String account, String address) {
    accounts.asMap().remove(new AccountAtAddress(account, address));
  }

  /** 429 with Retry-After, for an attempt refused unchecked. */
  public static void refuse(HttpServletResponse response, Duration wait) throws IOException {
    long seconds = Math.max(1, (wait.toMillis() + 999) / 1000);
    response.setHeader("Retry-After", Long.toString(seconds));
    JsonErrors.write(response, 429, "LoginThrottledException",
        "Too many failed logins for this account or from this address; try again in " + seconds + " s");
  }

  private Failures next(Failures old, int failuresBeforeLock, Instant now) {
    int count = old == null ? 1 : old.count() + 1;
    if (count < failuresBeforeLock) {
      return new Failures(count, null);
    }
    int doublings = Math.min(count - failuresBeforeLock, 30);
    Duration lock = settings.firstLock().multipliedBy(1L << doublings);
    if (lock.compareTo(settings.maxLock()) > 0) {
      lock = settings.maxLock();
    }
    return new Failures(count, now.plus(lock));
  }

  private static Instant lockedUntil(Failures failures, Instant now) {
    return failures == null || failures.lockedUntil() == null || !failures.lockedUntil().isAfter(now)
        ? null : failures.lockedUntil();
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Account names come from the client: no line breaks or endless text in our log. */
  static String printable(String account) {
    String text = account.replaceAll("\\p{Cntrl}", "?");
    return text.length() > 64 ? text.substring(0, 64) + "…" : text;
  }

  private static Counter failures(MeterRegistry meters, String via) {
    return Counter.builder("aftersales.login.failures").tag("via", via)
        .description("Failed logins (wrong password or unknown account)").register(meters);
  }

  private static Counter locks(MeterRegistry meters, String scope) {
    return Counter.builder("aftersales.login.locks").tag("scope", scope)
        .description("Locks set by the login throttle, per account at an address or per address").register(meters);
  }
}
