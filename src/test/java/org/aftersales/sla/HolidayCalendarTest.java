package org.aftersales.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ByteArrayResource;

/** Yearly calendar files as an admin writes next year's: read as written, mistakes refused by name. */
class HolidayCalendarTest {

  private static HolidayCalendar read(String yaml) throws IOException {
    return HolidayCalendar.read(new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)) {
      @Override
      public String getFilename() {
        return "cn-2027.yaml";
      }
    });
  }

  @Test
  void readsRangesAndMakeUpDaysQuotedOrNot() throws IOException {
    HolidayCalendar calendar = read("""
        year: 2027
        notice: 国务院办公厅关于2027年部分节假日安排的通知
        holidays:
          - name: 元旦
            from: 2027-01-01
            to: "2027-01-03"
          - name: 国庆节
            from: 2027-10-01
            to: 2027-10-07
            make-up-workdays: [2027-09-26, "2027-10-09"]
        """);

    assertThat(calendar.source()).isEqualTo("cn-2027.yaml");
    assertThat(calendar.year()).isEqualTo(2027);
    assertThat(calendar.notice()).isEqualTo("国务院办公厅关于2027年部分节假日安排的通知");
    assertThat(calendar.holidays()).hasSize(10).contains(LocalDate.of(2027, 1, 3), LocalDate.of(2027, 10, 7));
    assertThat(calendar.makeUpWorkdays())
        .containsExactlyInAnyOrder(LocalDate.of(2027, 9, 26), LocalDate.of(2027, 10, 9));
  }

  @Test
  void aMakeUpDayOnAWeekdayIsRefused() {
    assertThatThrownBy(() -> read("""
        year: 2027
        holidays:
          - name: 国庆节
            from: 2027-10-01
            to: 2027-10-07
            make-up-workdays: [2027-10-08]
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("cn-2027.yaml").hasMessageContaining("2027-10-08").hasMessageContaining("FRIDAY");
  }

  @Test
  void aDateOutsideTheYearIsRefused() {
    assertThatThrownBy(() -> read("""
        year: 2027
        holidays:
          - name: 元旦
            from: 2026-12-31
            to: 2027-01-01
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("2026-12-31 is not in 2027");
  }

  @Test
  void aDayBothOffAndWorkedIsRefused() {
    assertThatThrownBy(() -> read("""
        year: 2027
        holidays:
          - name: 国庆节
            from: 2027-10-01
            to: 2027-10-09
            make-up-workdays: [2027-10-09]
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("both off and as make-up workdays: [2027-10-09]");
  }

  @Test
  void aMisspeltDateOrMissingYearIsRefused() {
    assertThatThrownBy(() -> read("""
        year: 2027
        holidays:
          - name: 元旦
            from: 2027-13-01
            to: 2027-01-01
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("元旦: from must be a date YYYY-MM-DD");
    assertThatThrownBy(() -> read("""
        holidays: []
        """))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("needs a year");
  }

  @Test
  void theShippedCalendarsAreFoundOnTheClasspath() {
    assertThat(HolidayCalendar.load(HolidayCalendar.DEFAULT_LOCATION)).extracting(HolidayCalendar::source)
        .contains("cn-2026.yaml");
    assertThat(HolidayCalendar.load("classpath*:calendar/none-*.yaml")).isEmpty();
  }

  @Test
  void anEmptyCalendarsListBindsToNoCalendars() throws IOException {
    String yaml = """
        aftersales:
          service-hours:
            calendars: []
        """;
    List<PropertySource<?>> sources = new YamlPropertySourceLoader().load(
        "application.yaml", new ByteArrayResource(yaml.getBytes(StandardCharsets.UTF_8)));

    ServiceHoursProperties bound = new Binder(ConfigurationPropertySources.from(sources))
        .bind("aftersales.service-hours", ServiceHoursProperties.class).get();

    assertThat(bound.calendars()).isEmpty();
    assertThat(ServiceHoursProperties.defaults().calendars()).containsExactly(HolidayCalendar.DEFAULT_LOCATION);
  }
}
