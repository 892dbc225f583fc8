package org.aftersales.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The SLA clock: deadlines and elapsed working time, either 7x24 ({@code premium}) or
 * in business hours ({@code standard}, see {@link ServiceHoursProperties}), with the public
 * holidays and make-up working days of the yearly calendar files ({@link HolidayCalendar}).
 *
 * <p>Business time is counted in whole days where possible, so a target of a thousand
 * hours costs about a hundred and fifty loop turns, not sixty thousand.
 */
@Component
public class ServiceHours {

  private static final Logger LOG = LoggerFactory.getLogger(ServiceHours.class);

  /**
   * How far ahead to look for a working day before declaring the calendar broken. The
   * longest real closure (Spring Festival) is well under a month; a year without a
   * working day only happens when the configuration leaves no workdays at all.
   */
  static final int MAX_DAYS_WITHOUT_WORK = 366;

  private final ZoneId zone;
  private final LocalTime opens;
  private final LocalTime closes;
  private final Set<DayOfWeek> workdays;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkdays;

  private final List<HolidayCalendar> calendars;

  public ServiceHours(ServiceHoursProperties properties) {
    this.zone = properties.zone();
    this.opens = properties.opens();
    this.closes = properties.closes();
    this.workdays = properties.workdays();
    List<HolidayCalendar> loaded = new ArrayList<>();
    properties.calendars().forEach(location -> loaded.addAll(HolidayCalendar.load(location)));
    this.calendars = List.copyOf(loaded);
    // Sets, because every day the clock passes is looked up here.
    Set<LocalDate> off = new HashSet<>(properties.holidays());
    Set<LocalDate> worked = new HashSet<>(properties.makeUpWorkdays());
    for (HolidayCalendar calendar : calendars) {
      off.addAll(calendar.holidays());
      worked.addAll(calendar.makeUpWorkdays());
    }
    // A day off in one place and worked in another would depend on which rule wins.
    Set<LocalDate> both = new TreeSet<>(off);
    both.retainAll(worked);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException("aftersales.service-hours: days both off and worked between the "
          + "configured lists and the calendars " + calendars.stream().map(HolidayCalendar::source).toList()
          + ": " + both);
    }
    this.holidays = Set.copyOf(off);
    this.makeUpWorkdays = Set.copyOf(worked);
    for (HolidayCalendar calendar : calendars) {
      LOG.info("SLA calendar {}: {} days off, {} make-up workdays ({})", calendar.source(),
          calendar.holidays().size(), calendar.makeUpWorkdays().size(), calendar.notice());
    }
    int thisYear = LocalDate.now(zone).getYear();
    if (!properties.calendars().isEmpty() && calendars.stream().noneMatch(c -> c.year() == thisYear)) {
      LOG.warn("No holiday calendar for {}: the SLA clock counts Monday to Friday without public holidays or "
          + "make-up workdays this year; add calendar/cn-{}.yaml from the State Council's notice", thisYear, thisYear);
    }
  }

  public ZoneId zone() {
    return zone;
  }

  /** The yearly calendar files in use, e.g. to tell which years the clock knows the holidays of. */
  public List<HolidayCalendar> calendars() {
    return calendars;
  }

  public boolean isWorkingDay(LocalDate day) {
    Objects.requireNonNull(day, "day");
    if (holidays.contains(day)) {
      return false;
    }
    return makeUpWorkdays.contains(day) || workdays.contains(day.getDayOfWeek());
  }

  /**
   * When an SLA of {@code target} that starts at {@code start} runs out.
   *
   * <p>In business hours, time before opening starts counting at opening, and time after
   * closing or on a day off at the next working day's opening. A deadline that uses up a
   * day exactly falls on that day's closing time, not on the next opening.
   *
   * <p>A zero target returns {@code start} unchanged, even outside business hours: there
   * is nothing to count, and the deadline should read "due at once", not "due at the next
   * opening", so that a zero-minute target can never be reported as met later than it was.
   *
   * @param aroundTheClock {@code true} for 7x24 contracts: plain elapsed time
   * @throws IllegalArgumentException if {@code target} is negative
   * @throws IllegalStateException if the calendar has no working day for
   *     {@value #MAX_DAYS_WITHOUT_WORK} days in a row (misconfiguration)
   */
  public Instant deadline(Instant start, Duration target, boolean aroundTheClock) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(target, "target");
    if (target.isNegative()) {
      throw new IllegalArgumentException("SLA target must not be negative: " + target);
    }
    if (aroundTheClock) {
      return start.plus(target);
    }
    if (target.isZero()) {
      return start;
    }

    Duration remaining = target;
    LocalDate day = start.atZone(zone).toLocalDate();
    int daysWithoutWork = 0;
    while (true) {
      if (isWorkingDay(day)) {
        Instant from = later(start, opening(day));
        Instant closing = closing(day);
        // At or after closing there is nothing left today, even with time remaining.
        if (from.isBefore(closing)) {
          Duration available = Duration.between(from, closing);
          if (remaining.compareTo(available) <= 0) {
            return from.plus(remaining);
          }
          remaining = remaining.minus(available);
          daysWithoutWork = 0;
          day = day.plusDays(1);
          continue;
        }
      }
      daysWithoutWork++;
      if (daysWithoutWork >= MAX_DAYS_WITHOUT_WORK) {
        throw noWorkingDay(day.minusDays(daysWithoutWork - 1L));
      }
      day = day.plusDays(1);
    }
  }

  /**
   * The SLA time that passed between two instants: elapsed time for 7x24 contracts,
   * time inside business hours otherwise. Zero when {@code to} is not after {@code from}.
   */
  public Duration workingTimeBetween(Instant from, Instant to, boolean aroundTheClock) {
    Objects.requireNonNull(from, "from");
    Objects.requireNonNull(to, "to");
    if (!to.isAfter(from)) {
      return Duration.ZERO;
    }
    if (aroundTheClock) {
      return Duration.between(from, to);
    }
    // The range bounds this loop, so no misconfiguration guard is needed here.
    Duration total = Duration.ZERO;
    LocalDate last = to.atZone(zone).toLocalDate();
    for (LocalDate day = from.atZone(zone).toLocalDate(); !day.isAfter(last);
        day = day.plusDays(1)) {
      if (!isWorkingDay(day)) {
        continue;
      }
      Instant windowStart = later(from, opening(day));
      Instant windowEnd = earlier(to, closing(day));
      if (windowStart.isBefore(windowEnd)) {
        total = total.plus(Duration.between(windowStart, windowEnd));
      }
    }
    return total;
  }

  // Through ZonedDateTime so a zone with daylight saving gets the right instant per day.
  private Instant opening(LocalDate day) {
    return day.atTime(opens).atZone(zone).toInstant();
  }

  private Instant closing(LocalDate day) {
    return day.atTime(closes).atZone(zone).toInstant();
  }

  private static Instant later(Instant a, Instant b) {
    return a.isAfter(b) ? a : b;
  }

  private static Instant earlier(Instant a, Instant b) {
    return a.isBefore(b) ? a : b;
  }

  private IllegalStateException noWorkingDay(LocalDate from) {
    return new IllegalStateException(
        "No working day in the " + MAX_DAYS_WITHOUT_WORK + " days from " + from
            + "; check aftersales.service-hours (workdays "
            + workdays.stream().sorted().toList() + ", "
            + holidays.size() + " holidays, " + makeUpWorkdays.size() + " make-up workdays)");
  }
}
