package org.aftersales.sla;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;

/**
 * Business hours of the {@code standard} contract level; {@code premium} runs 7x24 and
 * ignores them.
 *
 * <p>Every property is optional: a missing one falls back to the product default
 * (Monday to Friday, 09:00–18:00, Asia/Shanghai, the public holidays and make-up working days
 * (调休) of the calendar files shipped under {@code calendar/}), so a deployment only lists
 * what differs: its own days off or worked, or other calendar files.
 *
 * @param zone where opening and closing times are read; the SLA clock of a case follows
 *     the service desk, not the customer
 * @param opens first minute of the working day
 * @param closes end of the working day; a window ending at midnight is not supported,
 *     so it must be later than {@code opens} on the same day
 * @param workdays the usual working days of the week
 * @param holidays days off even if they fall on a workday
 * @param makeUpWorkdays working days even if they fall on a weekend (调休)
 * @param calendars Spring resource patterns of yearly calendar files ({@link HolidayCalendar}),
 *     whose days are added to {@code holidays} and {@code makeUpWorkdays}; by default the
 *     mainland China calendars shipped with the application, an empty list for none
 */
@ConfigurationProperties("aftersales.service-hours")
public record ServiceHoursProperties(
    ZoneId zone,
    LocalTime opens,
    LocalTime closes,
    Set<DayOfWeek> workdays,
    List<LocalDate> holidays,
    List<LocalDate> makeUpWorkdays,
    List<String> calendars) {

  public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");
  public static final LocalTime DEFAULT_OPENS = LocalTime.of(9, 0);
  public static final LocalTime DEFAULT_CLOSES = LocalTime.of(18, 0);

  @ConstructorBinding
  public ServiceHoursProperties {
    zone = zone != null ? zone : DEFAULT_ZONE;
    opens = opens != null ? opens : DEFAULT_OPENS;
    closes = closes != null ? closes : DEFAULT_CLOSES;
    // An explicitly empty set is kept: it is a misconfiguration, but one that only
    // matters when a deadline is computed, where ServiceHours reports it clearly.
    workdays = workdays != null
        ? Set.copyOf(workdays)
        : Set.copyOf(EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY));
    holidays = holidays != null ? List.copyOf(holidays) : List.of();
    makeUpWorkdays = makeUpWorkdays != null ? List.copyOf(makeUpWorkdays) : List.of();
    calendars = calendars != null ? List.copyOf(calendars) : List.of(HolidayCalendar.DEFAULT_LOCATION);

    if (!opens.isBefore(closes)) {
      throw new IllegalArgumentException(
          "aftersales.service-hours: opens (" + opens + ") must be before closes (" + closes
              + "); working hours that pass midnight are not supported");
    }
    // A date listed as both would silently depend on which rule wins; an admin copying
    // the yearly holiday notice wrongly should find out at startup, not from a late SLA.
    Set<LocalDate> both = new HashSet<>(holidays);
    both.retainAll(makeUpWorkdays);
    if (!both.isEmpty()) {
      throw new IllegalArgumentException(
          "aftersales.service-hours: dates listed both as holidays and as make-up-workdays: "
              + both.stream().sorted().toList());
    }
  }

  /** Hours and days as given, with the shipped calendar files. */
  public ServiceHoursProperties(ZoneId zone, LocalTime opens, LocalTime closes, Set<DayOfWeek> workdays,
      List<LocalDate> holidays, List<LocalDate> makeUpWorkdays) {
    this(zone, opens, closes, workdays, holidays, makeUpWorkdays, null);
  }

  /**
   * The product defaults: Monday to Friday, 09:00–18:00, Asia/Shanghai, the shipped calendars'
   * holidays and make-up working days.
   */
  public static ServiceHoursProperties defaults() {
    return new ServiceHoursProperties(null, null, null, null, null, null, null);
  }
}
