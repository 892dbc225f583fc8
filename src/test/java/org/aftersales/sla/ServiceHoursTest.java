package org.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

class ServiceHoursTest {

  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final boolean BUSINESS_HOURS = false;
  private static final boolean AROUND_THE_CLOCK = true;

  // National Day 2025 as announced: Oct 1-8 off, Sunday Sep 28 and Saturday Oct 11 worked.
  private static final List<LocalDate> NATIONAL_DAY = LocalDate.of(2025, 10, 1)
      .datesUntil(LocalDate.of(2025, 10, 9)).toList();
  private static final List<LocalDate> NATIONAL_DAY_MAKE_UP =
      List.of(LocalDate.of(2025, 9, 28), LocalDate.of(2025, 10, 11));

  private final ServiceHours standard = new ServiceHours(ServiceHoursProperties.defaults());
  private final ServiceHours withHolidays = new ServiceHours(new ServiceHoursProperties(
      null, null, null, null, NATIONAL_DAY, NATIONAL_DAY_MAKE_UP));

  /** An instant given as Shanghai wall-clock time, as people state SLA examples. */
  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  // --- deadline -------------------------------------------------------------------------

  @Test
  void fridayAfternoonPlusFourBusinessHoursIsMondayNoon() {
    assertThat(standard.deadline(at("2025-06-13T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T12:00"));
  }

  @Test
  void premiumCountsAroundTheClock() {
    assertThat(standard.deadline(at("2025-06-13T17:00"), Duration.ofHours(4), AROUND_THE_CLOCK))
        .isEqualTo(at("2025-06-13T21:00"));
  }

  @Test
  void startOnSaturdayCountsFromMondayOpening() {
    assertThat(standard.deadline(at("2025-06-14T10:30"), Duration.ofHours(2), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T11:00"));
  }

  @Test
  void startBeforeOpeningCountsFromOpening() {
    assertThat(standard.deadline(at("2025-06-16T07:45"), Duration.ofMinutes(90), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T10:30"));
  }

  @Test
  void startAfterClosingCountsFromNextOpening() {
    assertThat(standard.deadline(at("2025-06-16T21:00"), Duration.ofHours(1), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-17T10:00"));
  }

  @Test
  void holidayOnMondaySkipsToTuesday() {
    ServiceHours hours = new ServiceHours(new ServiceHoursProperties(
        null, null, null, null, List.of(LocalDate.of(2025, 6, 16)), null));

    assertThat(hours.isWorkingDay(LocalDate.of(2025, 6, 16))).isFalse();
    assertThat(hours.deadline(at("2025-06-13T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-17T12:00"));
  }

  @Test
  void longHolidayIsSkippedAsAWhole() {
    assertThat(withHolidays.deadline(at("2025-09-30T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-10-09T12:00"));
  }

  @Test
  void makeUpSaturdayCountsAsWorkingDay() {
    assertThat(withHolidays.isWorkingDay(LocalDate.of(2025, 10, 11))).isTrue();
    assertThat(withHolidays.deadline(at("2025-10-10T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-10-11T12:00"));
    // The ordinary Sunday after it is still off.
    assertThat(withHolidays.deadline(at("2025-10-11T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-10-13T12:00"));
  }

  @Test
  void makeUpSundayBeforeTheHolidayCountsToo() {
    assertThat(withHolidays.deadline(at("2025-09-27T10:00"), Duration.ofHours(1), BUSINESS_HOURS))
        .isEqualTo(at("2025-09-28T10:00"));
  }

  @Test
  void exactlyAtClosingMovesToNextWorkingDay() {
    assertThat(standard.deadline(at("2025-06-13T18:00"), Duration.ofMinutes(1), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T09:01"));
  }

  @Test
  void targetUsingUpTheDayEndsAtClosingNotNextOpening() {
    assertThat(standard.deadline(at("2025-06-13T14:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-13T18:00"));
    assertThat(standard.deadline(at("2025-06-16T09:00"), Duration.ofHours(9), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T18:00"));
  }

  @Test
  void multiDayTargetSpansWeekend() {
    // Thu 10:00: 8h Thu, 9h Fri, then 3h on Monday.
    assertThat(standard.deadline(at("2025-06-12T10:00"), Duration.ofHours(20), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-16T12:00"));
  }

  @Test
  void thousandWorkingHoursAreCountedDayByDay() {
    // 111 full days of 9h (22 weeks plus a Monday) and one hour on Tuesday.
    assertThat(standard.deadline(at("2025-01-06T09:00"), Duration.ofHours(1000), BUSINESS_HOURS))
        .isEqualTo(at("2025-06-10T10:00"));
  }

  @Test
  void zeroTargetReturnsStartEvenOutsideBusinessHours() {
    Instant saturdayNight = at("2025-06-14T23:00");

    assertThat(standard.deadline(saturdayNight, Duration.ZERO, BUSINESS_HOURS))
        .isEqualTo(saturdayNight);
    assertThat(standard.deadline(saturdayNight, Duration.ZERO, AROUND_THE_CLOCK))
        .isEqualTo(saturdayNight);
  }

  @Test
  void negativeTargetIsRefused() {
    assertThatThrownBy(() ->
        standard.deadline(at("2025-06-13T10:00"), Duration.ofMinutes(-1), BUSINESS_HOURS))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("negative");
  }

  @Test
  void customHoursAndZoneAreHonoured() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ServiceHours hours = new ServiceHours(new ServiceHoursProperties(
        berlin, LocalTime.of(8, 0), LocalTime.of(16, 30),
        EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.SATURDAY), null, null));

    Instant saturdayAfternoon = LocalDateTime.parse("2025-06-14T15:30").atZone(berlin).toInstant();
    assertThat(hours.zone()).isEqualTo(berlin);
    assertThat(hours.deadline(saturdayAfternoon, Duration.ofHours(2), BUSINESS_HOURS))
        .isEqualTo(LocalDateTime.parse("2025-06-16T09:00").atZone(berlin).toInstant());
  }

  // --- the shipped 2026 calendar (国务院办公厅关于2026年部分节假日安排的通知) ----------------------

  @Test
  void goldenWeek2026IsSkippedAsAWhole() {
    // Wed Sep 30 17:00: one hour that day, Oct 1-7 off, three hours on Thu Oct 8.
    assertThat(standard.deadline(at("2026-09-30T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-10-08T12:00"));
    // 7x24 contracts do not care.
    assertThat(standard.deadline(at("2026-09-30T17:00"), Duration.ofHours(4), AROUND_THE_CLOCK))
        .isEqualTo(at("2026-09-30T21:00"));
    // Opened during the holiday: counts from the first working morning.
    assertThat(standard.deadline(at("2026-10-03T10:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-10-08T13:00"));
  }

  @Test
  void makeUpSaturdayAfterGoldenWeek2026IsWorked() {
    // Fri Oct 9 17:00: one hour, then Saturday Oct 10 is a working day (调休).
    assertThat(standard.deadline(at("2026-10-09T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-10-10T12:00"));
    // Sunday Oct 11 is an ordinary day off again.
    assertThat(standard.deadline(at("2026-10-10T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-10-12T12:00"));
    // Across both: 1h Sep 30, 9h Oct 8, 9h Oct 9, 1h on the make-up Saturday.
    assertThat(standard.deadline(at("2026-09-30T17:00"), Duration.ofHours(20), BUSINESS_HOURS))
        .isEqualTo(at("2026-10-10T10:00"));
    assertThat(standard.workingTimeBetween(at("2026-09-30T17:00"), at("2026-10-10T10:00"), BUSINESS_HOURS))
        .isEqualTo(Duration.ofHours(20));
  }

  @Test
  void makeUpSundayBeforeMidAutumnAndNationalDay2026IsWorked() {
    // Sun Sep 20 is worked; Fri-Sun Sep 25-27 (Mid-Autumn) are off.
    assertThat(standard.deadline(at("2026-09-18T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-09-20T12:00"));
    assertThat(standard.deadline(at("2026-09-24T17:00"), Duration.ofHours(4), BUSINESS_HOURS))
        .isEqualTo(at("2026-09-28T12:00"));
  }

  @Test
  void the2026CalendarHoldsEveryDayOfTheNotice() {
    List<LocalDate> off = new java.util.ArrayList<>();
    for (String[] range : new String[][] {{"2026-01-01", "2026-01-03"}, {"2026-02-15", "2026-02-23"},
        {"2026-04-04", "2026-04-06"}, {"2026-05-01", "2026-05-05"}, {"2026-06-19", "2026-06-21"},
        {"2026-09-25", "2026-09-27"}, {"2026-10-01", "2026-10-07"}}) {
      LocalDate.parse(range[0]).datesUntil(LocalDate.parse(range[1]).plusDays(1)).forEach(off::add);
    }
    List<LocalDate> worked = List.of(LocalDate.of(2026, 1, 4), LocalDate.of(2026, 2, 14),
        LocalDate.of(2026, 2, 28), LocalDate.of(2026, 5, 9), LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

    assertThat(standard.calendars()).extracting(HolidayCalendar::year).contains(2026);
    HolidayCalendar calendar = standard.calendars().stream().filter(c -> c.year() == 2026).findFirst().orElseThrow();
    assertThat(calendar.source()).isEqualTo("cn-2026.yaml");
    assertThat(calendar.notice()).contains("国务院办公厅关于2026年部分节假日安排的通知");
    assertThat(calendar.holidays()).hasSize(33).containsExactlyInAnyOrderElementsOf(off);
    assertThat(calendar.makeUpWorkdays()).containsExactlyInAnyOrderElementsOf(worked);
    off.forEach(day -> assertThat(standard.isWorkingDay(day)).as("%s is off", day).isFalse());
    worked.forEach(day -> assertThat(standard.isWorkingDay(day)).as("%s is worked", day).isTrue());
    // An ordinary Tuesday and Saturday of 2026 are what they always are.
    assertThat(standard.isWorkingDay(LocalDate.of(2026, 10, 13))).isTrue();
    assertThat(standard.isWorkingDay(LocalDate.of(2026, 10, 17))).isFalse();
  }

  @Test
  void noCalendarsMeansNoHolidays() {
    ServiceHours plain = new ServiceHours(
        new ServiceHoursProperties(null, null, null, null, null, null, List.of()));

    assertThat(plain.calendars()).isEmpty();
    assertThat(plain.isWorkingDay(LocalDate.of(2026, 10, 8))).isTrue();
    assertThat(plain.isWorkingDay(LocalDate.of(2026, 10, 1))).isTrue();
    assertThat(plain.isWorkingDay(LocalDate.of(2026, 10, 10))).isFalse();
  }

  @Test
  void aConfiguredDayThatContradictsTheCalendarIsRefused() {
    assertThatThrownBy(() -> new ServiceHours(new ServiceHoursProperties(
        null, null, null, null, List.of(LocalDate.of(2026, 10, 10)), null)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-10-10").hasMessageContaining("cn-2026.yaml");
  }

  // --- workingTimeBetween ---------------------------------------------------------------

  @Test
  void workingTimeWithinOneDay() {
    assertThat(standard.workingTimeBetween(
        at("2025-06-16T08:00"), at("2025-06-16T10:15"), BUSINESS_HOURS))
        .isEqualTo(Duration.ofMinutes(75));
  }

  @Test
  void workingTimeAcrossWeekend() {
    assertThat(standard.workingTimeBetween(
        at("2025-06-13T17:00"), at("2025-06-16T12:00"), BUSINESS_HOURS))
        .isEqualTo(Duration.ofHours(4));
    assertThat(standard.workingTimeBetween(
        at("2025-06-13T17:00"), at("2025-06-16T12:00"), AROUND_THE_CLOCK))
        .isEqualTo(Duration.ofHours(67));
  }

  @Test
  void workingTimeAcrossHolidayAndMakeUpDay() {
    // Tue Sep 30 17:00 to Sat Oct 11 10:00: 1h + Thu 9h + Fri 9h + make-up Sat 1h.
    assertThat(withHolidays.workingTimeBetween(
        at("2025-09-30T17:00"), at("2025-10-11T10:00"), BUSINESS_HOURS))
        .isEqualTo(Duration.ofHours(20));
  }

  @Test
  void workingTimeOutsideBusinessHoursIsZero() {
    assertThat(standard.workingTimeBetween(
        at("2025-06-13T18:00"), at("2025-06-16T09:00"), BUSINESS_HOURS))
        .isZero();
  }

  @Test
  void workingTimeIsZeroWhenToIsNotAfterFrom() {
    Instant instant = at("2025-06-16T10:00");

    assertThat(standard.workingTimeBetween(instant, instant, BUSINESS_HOURS)).isZero();
    assertThat(standard.workingTimeBetween(instant, instant.minusSeconds(60), BUSINESS_HOURS))
        .isZero();
    assertThat(standard.workingTimeBetween(instant, instant.minusSeconds(60), AROUND_THE_CLOCK))
        .isZero();
  }

  @Test
  void workingTimeFollowsDaylightSavingInZonesThatHaveIt() {
    ZoneId berlin = ZoneId.of("Europe/Berlin");
    ServiceHours hours = new ServiceHours(
        new ServiceHoursProperties(berlin, null, null, null, null, null));

    // Clocks go forward on Sunday 2025-03-30; Monday still opens at 09:00 local time.
    Instant friday = LocalDateTime.parse("2025-03-28T17:00").atZone(berlin).toInstant();
    Instant monday = LocalDateTime.parse("2025-03-31T10:00").atZone(berlin).toInstant();
    assertThat(hours.workingTimeBetween(friday, monday, BUSINESS_HOURS))
        .isEqualTo(Duration.ofHours(2));
    assertThat(hours.deadline(friday, Duration.ofHours(2), BUSINESS_HOURS)).isEqualTo(monday);
  }

  @Test
  void workingTimeOfDeadlineIsTheTarget() {
    List<Instant> starts = List.of(
        at("2025-06-13T17:00"), at("2025-06-16T09:00"), at("2025-06-16T13:37"),
        at("2025-09-30T17:59"), at("2025-10-11T09:00"), at("2025-12-31T12:00"));
    List<Duration> targets = List.of(
        Duration.ofMinutes(1), Duration.ofHours(1), Duration.ofHours(4), Duration.ofHours(9),
        Duration.ofHours(12), Duration.ofHours(20), Duration.ofHours(100),
        Duration.ofHours(1000), Duration.ofSeconds(1));

    for (Instant start : starts) {
      for (Duration target : targets) {
        for (boolean aroundTheClock : new boolean[] {false, true}) {
          Instant deadline = withHolidays.deadline(start, target, aroundTheClock);
          assertThat(withHolidays.workingTimeBetween(start, deadline, aroundTheClock))
              .as("%s + %s (7x24: %s) = %s", start.atZone(SHANGHAI), target, aroundTheClock,
                  deadline.atZone(SHANGHAI))
              .isEqualTo(target);
        }
      }
    }
  }

  // --- calendar and configuration -------------------------------------------------------

  @Test
  void defaultsAreMondayToFridayNineToSixInShanghai() {
    ServiceHoursProperties defaults = ServiceHoursProperties.defaults();

    assertThat(defaults.zone()).isEqualTo(SHANGHAI);
    assertThat(defaults.opens()).isEqualTo(LocalTime.of(9, 0));
    assertThat(defaults.closes()).isEqualTo(LocalTime.of(18, 0));
    assertThat(defaults.workdays()).containsExactlyInAnyOrder(
        DayOfWeek.MONDAY, DayOfWeek.TUESDAY, DayOfWeek.WEDNESDAY, DayOfWeek.THURSDAY,
        DayOfWeek.FRIDAY);
    assertThat(defaults.holidays()).isEmpty();
    assertThat(defaults.makeUpWorkdays()).isEmpty();
    assertThat(standard.zone()).isEqualTo(SHANGHAI);
    assertThat(standard.isWorkingDay(LocalDate.of(2025, 6, 13))).isTrue();
    assertThat(standard.isWorkingDay(LocalDate.of(2025, 6, 14))).isFalse();
    assertThat(standard.isWorkingDay(LocalDate.of(2025, 6, 15))).isFalse();
  }

  @Test
  void bindsTheApplicationYamlBlock() throws IOException {
    // The block documented for application.yaml, read the way Spring Boot reads it. Times
    // are quoted because YAML 1.1 reads an unquoted 18:00 as the number 1080.
    String yaml = """
        aftersales:
          service-hours:
            zone: Asia/Shanghai
            opens: "08:30"
            closes: "17:30"
            workdays: [MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY]
            holidays:
              - 2025-10-01
              - 2025-10-02
            make-up-workdays:
              - 2025-10-11
        """;
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(
        "application.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));

    ServiceHoursProperties bound =
        new Binder(ConfigurationPropertySources.from(sources))
            .bind("aftersales.service-hours", ServiceHoursProperties.class)
            .get();

    assertThat(bound.zone()).isEqualTo(SHANGHAI);
    assertThat(bound.opens()).isEqualTo(LocalTime.of(8, 30));
    assertThat(bound.closes()).isEqualTo(LocalTime.of(17, 30));
    assertThat(bound.workdays()).hasSize(5).doesNotContain(DayOfWeek.SATURDAY);
    assertThat(bound.holidays())
        .containsExactly(LocalDate.of(2025, 10, 1), LocalDate.of(2025, 10, 2));
    assertThat(bound.makeUpWorkdays()).containsExactly(LocalDate.of(2025, 10, 11));
  }

  @Test
  void missingBlockBindsToTheDefaults() {
    ServiceHoursProperties bound = new Binder(new MapConfigurationPropertySource(Map.of()))
        .bindOrCreate("aftersales.service-hours", ServiceHoursProperties.class);

    assertThat(bound).isEqualTo(ServiceHoursProperties.defaults());
  }

  @Test
  void opensAfterClosesIsRefused() {
    assertThatThrownBy(() -> new ServiceHoursProperties(
        null, LocalTime.of(18, 0), LocalTime.of(9, 0), null, null, null))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("opens (18:00) must be before closes (09:00)");
    assertThatThrownBy(() -> new ServiceHoursProperties(
        null, LocalTime.of(9, 0), LocalTime.of(9, 0), null, null, null))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void dateThatIsBothHolidayAndMakeUpDayIsRefused() {
    LocalDate day = LocalDate.of(2025, 10, 11);

    assertThatThrownBy(() -> new ServiceHoursProperties(
        null, null, null, null, List.of(day), List.of(day)))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2025-10-11");
  }

  @Test
  void noWorkingDaysConfiguredFailsInsteadOfLooping() {
    // Without the shipped calendars, whose make-up Saturdays and Sundays would be working days.
    ServiceHours never = new ServiceHours(new ServiceHoursProperties(
        null, null, null, Set.of(), null, null, List.of()));

    assertThatThrownBy(() ->
        never.deadline(at("2025-06-13T10:00"), Duration.ofHours(1), BUSINESS_HOURS))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("No working day");
    // 7x24 does not depend on the calendar, and elapsed working time is simply zero.
    assertThat(never.deadline(at("2025-06-13T10:00"), Duration.ofHours(1), AROUND_THE_CLOCK))
        .isEqualTo(at("2025-06-13T11:00"));
    assertThat(never.workingTimeBetween(
        at("2025-06-13T10:00"), at("2025-06-20T10:00"), BUSINESS_HOURS))
        .isZero();
  }

  @Test
  void aYearOfHolidaysIsTreatedAsMisconfiguration() {
    List<LocalDate> wholeYear =
        LocalDate.of(2025, 1, 1).datesUntil(LocalDate.of(2026, 1, 3)).toList();
    ServiceHours hours = new ServiceHours(
        new ServiceHoursProperties(null, null, null, null, wholeYear, null));

    assertThatThrownBy(() ->
        hours.deadline(at("2025-01-01T10:00"), Duration.ofHours(1), BUSINESS_HOURS))
        .isInstanceOf(IllegalStateException.class);
  }
}
