package org.aftersales.sla;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;
import org.yaml.snakeyaml.nodes.Tag;
import org.yaml.snakeyaml.representer.Representer;
import org.yaml.snakeyaml.resolver.Resolver;

/**
 * One year's public holidays and make-up working days (调休) as the State Council's notice gives
 * them, read from a data file such as {@code classpath:calendar/cn-2026.yaml}; see that file for
 * the format and how to add next year's.
 *
 * @param source where the file was read, for error messages
 * @param year the year the notice is for; every date of the file lies in it
 * @param notice the notice's title and date, as published
 * @param holidays every day off of the notice (放假调休), weekends inside a holiday included
 * @param makeUpWorkdays the weekend days the notice says are worked (上班)
 */
public record HolidayCalendar(String source, int year, String notice, Set<LocalDate> holidays,
    Set<LocalDate> makeUpWorkdays) {

  /** The calendars shipped with the application. */
  public static final String DEFAULT_LOCATION = "classpath*:calendar/cn-*.yaml";

  public HolidayCalendar {
    holidays = Set.copyOf(holidays);
    makeUpWorkdays = Set.copyOf(makeUpWorkdays);
  }

  /** Every calendar file that {@code location} (a Spring resource pattern) finds, in file name order. */
  public static List<HolidayCalendar> load(String location) {
    try {
      Resource[] resources = new PathMatchingResourcePatternResolver().getResources(location);
      List<HolidayCalendar> calendars = new ArrayList<>();
      for (Resource resource : resources) {
        if (resource.exists()) {
          calendars.add(read(resource));
        }
      }
      calendars.sort(Comparator.comparing(HolidayCalendar::source));
      return List.copyOf(calendars);
    } catch (IOException e) {
      throw new UncheckedIOException("Could not read the holiday calendars at " + location, e);
    }
  }

  static HolidayCalendar read(Resource resource) throws IOException {
    String source = resource.getFilename() != null ? resource.getFilename() : resource.getDescription();
    try (InputStream in = resource.getInputStream()) {
      LoaderOptions options = new LoaderOptions();
      DumperOptions dumper = new DumperOptions();
      Object document = new Yaml(new SafeConstructor(options), new Representer(dumper), dumper, options,
          new DatesAsText()).load(in);
      return of(source, document);
    }
  }

  /** A calendar from the parsed YAML document, checked; the message of a refusal names the source and the date. */
  static HolidayCalendar of(String source, Object document) {
    if (!(document instanceof Map<?, ?> root)) {
      throw invalid(source, "is not a calendar (year, notice, holidays)");
    }
    if (!(root.get("year") instanceof Integer year)) {
      throw invalid(source, "needs a year, e.g. year: 2026");
    }
    Object notice = root.get("notice");
    Set<LocalDate> off = new TreeSet<>();
    Set<LocalDate> worked = new TreeSet<>();
    Object entries = root.get("holidays");
    if (!(entries instanceof List<?> list)) {
      throw invalid(source, "needs a list of holidays (name, from, to, make-up-workdays)");
    }
    for (Object entry : list) {
      if (!(entry instanceof Map<?, ?> holiday)) {
        throw invalid(source, "has a holiday that is not name/from/to: " + entry);
      }
      String name = String.valueOf(holiday.get("name"));
      LocalDate from = date(source, name, "from", holiday.get("from"));
      LocalDate to = date(source, name, "to", holiday.get("to"));
      if (to.isBefore(from)) {
        throw invalid(source, name + ": to (" + to + ") is before from (" + from + ")");
      }
      for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
        inYear(source, name, year, day);
        off.add(day);
      }
      Object makeUp = holiday.get("make-up-workdays");
      if (makeUp != null) {
        if (!(makeUp instanceof List<?> days)) {
          throw invalid(source, name + ": make-up-workdays must be a list of dates");
        }
        for (Object value : days) {
          LocalDate day = date(source, name, "make-up-workdays", value);
          inYear(source, name, year, day);
          if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
            throw invalid(source, name + ": make-up workday " + day + " is a " + day.getDayOfWeek()
                + ", not a Saturday or Sunday");
          }
          worked.add(day);
        }
      }
    }
    Set<LocalDate> both = new HashSet<>(off);
    both.retainAll(worked);
    if (!both.isEmpty()) {
      throw invalid(source, "lists days both off and as make-up workdays: " + new TreeSet<>(both));
    }
    return new HolidayCalendar(source, year, notice == null ? "" : notice.toString(), off, worked);
  }

  private static LocalDate date(String source, String holiday, String field, Object value) {
    if (value instanceof String text) {
      try {
        return LocalDate.parse(text.trim());
      } catch (DateTimeParseException e) {
        // answered below
      }
    }
    throw invalid(source, holiday + ": " + field + " must be a date YYYY-MM-DD, not " + value);
  }

  private static void inYear(String source, String holiday, int year, LocalDate day) {
    if (day.getYear() != year) {
      throw invalid(source, holiday + ": " + day + " is not in " + year);
    }
  }

  /**
   * Leaves dates as text for {@link LocalDate#parse}: YAML's own timestamps are lenient (2027-13-01
   * would become 2028-01-01), and a typo in a holiday should stop the start, not move the holiday.
   */
  private static final class DatesAsText extends Resolver {
    @Override
    public void addImplicitResolver(Tag tag, Pattern regexp, String first, int limit) {
      if (!Tag.TIMESTAMP.equals(tag)) {
        super.addImplicitResolver(tag, regexp, first, limit);
      }
    }
  }

  private static IllegalArgumentException invalid(String source, String problem) {
    return new IllegalArgumentException("Holiday calendar " + source + " " + problem);
  }
}
