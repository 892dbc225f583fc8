package org.aftersales.forms;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Date;
import java.util.Iterator;
import java.util.Locale;
import org.aftersales.common.DecisionReasons;

/**
 * Whether a read-only or disabled field came back unchanged. Tasklist sends every field of the
 * form back, without a type and in its own format: a stored date as the browser's local time
 * without zone or millis ({@code 2026-12-04T02:26:29}), numbers and booleans possibly as text.
 * Such a value is the same as the stored one when it denotes it; a value that really changed is not.
 */
final class ResubmittedValue {

  private ResubmittedValue() {
  }

  /**
   * @param zones the zones a browser may show local times in (the service zone first): a local
   *     date-time is the stored instant if it is that instant's wall-clock time in one of them
   */
  static boolean same(Object submitted, Object current, Collection<ZoneId> zones) {
    if (submitted == null || current == null) {
      return isBlank(submitted) && isBlank(current);
    }
    if (current instanceof Date date) {
      return sameInstant(submitted, date.toInstant(), zones);
    }
    if (current instanceof Number number && asDecimal(submitted) != null) {
      BigDecimal stored = asDecimal(number);
      return stored != null && stored.compareTo(asDecimal(submitted)) == 0;
    }
    if (current instanceof Boolean flag) {
      return flag.toString().equals(submitted.toString().trim().toLowerCase(Locale.ROOT));
    }
    if (current instanceof Collection<?> stored && submitted instanceof Collection<?> sent) {
      if (stored.size() != sent.size()) {
        return false;
      }
      Iterator<?> a = sent.iterator();
      for (Object b : stored) {
        if (!same(a.next(), b, zones)) {
          return false;
        }
      }
      return true;
    }
    if (submitted instanceof Number || submitted instanceof Boolean) {
      return same(current, submitted, zones); // a number stored as text, sent as a number
    }
    // a reason a DMN table gave, shown in the reader's language (LocalisedResponses)
    return submitted.toString().equals(current.toString())
        || current instanceof String stored && DecisionReasons.shows(submitted.toString(), stored);
  }

  private static boolean sameInstant(Object submitted, Instant stored, Collection<ZoneId> zones) {
    if (submitted instanceof Date date) {
      return date.toInstant().equals(stored);
    }
    String text = submitted.toString().trim();
    try {
      return OffsetDateTime.parse(text.replace("+0000", "Z")).toInstant().truncatedTo(ChronoUnit.SECONDS)
          .equals(stored.truncatedTo(ChronoUnit.SECONDS));
    } catch (DateTimeParseException notWithZone) {
      // a local time, or a date alone
    }
    try {
      LocalDateTime local = LocalDateTime.parse(text);
      ChronoUnit precision = local.getSecond() == 0 && text.length() <= 16 ? ChronoUnit.MINUTES : ChronoUnit.SECONDS;
      return zones.stream().anyMatch(zone -> LocalDateTime.ofInstant(stored, zone).truncatedTo(precision)
          .equals(local.truncatedTo(precision)));
    } catch (DateTimeParseException notLocal) {
      // a date alone
    }
    try {
      LocalDate day = LocalDate.parse(text);
      return zones.stream().anyMatch(zone -> LocalDate.ofInstant(stored, zone).equals(day));
    } catch (DateTimeParseException notADate) {
      return false;
    }
  }

  private static BigDecimal asDecimal(Object value) {
    if (value instanceof BigDecimal decimal) {
      return decimal;
    }
    if (value instanceof Number || value instanceof String) {
      try {
        return new BigDecimal(value.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static boolean isBlank(Object value) {
    return value == null || value.toString().isEmpty();
  }
}
