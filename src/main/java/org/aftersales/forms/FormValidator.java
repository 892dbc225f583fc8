package org.aftersales.forms;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.OffsetTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.TemporalAccessor;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import java.util.stream.Collectors;

/**
 * Checks submitted variables against a deployed Camunda Form as form-js checks them in the
 * browser: required, type, options, min/max, min/max length, pattern, email/phone, decimal digits;
 * read-only and disabled fields may be resubmitted unchanged but not changed.
 *
 * <p>Values are Java values as the engine stores them (String, Number, Boolean, Date, List, ...);
 * {@link SubmittedVariables} reads engine-rest's {@code {"value", "type"}} into them.
 */
public final class FormValidator {

  public static final String REQUIRED = "required";
  public static final String TYPE = "type";
  public static final String OPTIONS = "options";
  public static final String MIN = "min";
  public static final String MAX = "max";
  public static final String MIN_LENGTH = "minLength";
  public static final String MAX_LENGTH = "maxLength";
  public static final String PATTERN = "pattern";
  public static final String DECIMAL_DIGITS = "decimalDigits";
  public static final String READONLY = "readonly";
  public static final String DISABLED = "disabled";
  public static final String EMAIL = "email";
  public static final String PHONE = "phone";
  public static final String UNKNOWN = "unknown";

  private static final Set<String> TEXT_TYPES = Set.of("textfield", "textarea");
  private static final Set<String> SINGLE_CHOICE = Set.of("radio", "select");
  private static final Set<String> MULTI_CHOICE = Set.of("checklist", "taglist");
  /** form-js 1.8's own expressions for these validation types. */
  private static final Pattern EMAIL_PATTERN = Pattern.compile(
      "^[\\w-.]+@([\\w-]+\\.)+[\\w-]{2,}$");
  private static final Pattern PHONE_PATTERN = Pattern.compile("^(\\+|00)\\d{1,3}[\\d ]{4,17}$");

  private FormValidator() {
  }

  /**
   * Every violation of {@code form} by {@code submitted}; empty when it is accepted.
   *
   * @param current the task's variables now: a required field already set need not be resent,
   *     and a read-only field is compared with it
   */
  public static List<FormViolation> validate(CamundaForm form, Map<String, ?> submitted, Map<String, ?> current) {
    return validate(form, submitted, current, List.of(ZoneId.systemDefault(), ZoneOffset.UTC));
  }

  /**
   * As {@link #validate(CamundaForm, Map, Map)}, with the zones Tasklist may show stored dates in
   * (see {@link ResubmittedValue}).
   */
  public static List<FormViolation> validate(CamundaForm form, Map<String, ?> submitted, Map<String, ?> current,
      Collection<ZoneId> zones) {
    List<FormViolation> violations = new ArrayList<>();
    for (FormField field : form.fields()) {
      check(field, submitted, current == null ? Map.of() : current, zones, violations);
    }
    // A form task takes exactly its form's fields: anything else would set the case's state
    // (a category, a contract level, an object nobody can read) past the form.
    Set<String> keys = form.fields().stream().map(FormField::key).collect(Collectors.toSet());
    submitted.keySet().stream().filter(name -> !keys.contains(name)).sorted()
        .forEach(name -> violations.add(new FormViolation(name, UNKNOWN, "is not a field of this form")));
    return violations;
  }

  private static void check(FormField field, Map<String, ?> submitted, Map<String, ?> current,
      Collection<ZoneId> zones, List<FormViolation> out) {
    String key = field.key();
    boolean sent = submitted.containsKey(key);
    Object value = submitted.get(key);
    if (field.readonly() || field.disabled()) {
      if (sent && !ResubmittedValue.same(value, current.get(key), zones)
          && !FormTexts.showsValue(key, value, current.get(key))) {
        String rule = field.readonly() ? READONLY : DISABLED;
        out.add(new FormViolation(key, rule, "is " + (field.readonly() ? "read-only" : "disabled")
            + " and cannot be changed"));
      }
      return;
    }
    if (isEmpty(value)) {
      boolean alreadySet = !sent && !isEmpty(current.get(key));
      if (field.required() && !field.conditional() && !alreadySet) {
        out.add(new FormViolation(key, REQUIRED, "is required"));
      }
      return;
    }
    String type = field.type();
    if (TEXT_TYPES.contains(type)) {
      checkText(field, value, out);
    } else if ("number".equals(type)) {
      checkNumber(field, value, out);
    } else if ("checkbox".equals(type)) {
      if (bool(value) == null) {
        out.add(new FormViolation(key, TYPE, "must be true or false"));
      }
    } else if (SINGLE_CHOICE.contains(type)) {
      if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
        out.add(new FormViolation(key, TYPE, "must be a single value"));
      } else {
        checkOption(field, value, out);
      }
    } else if (MULTI_CHOICE.contains(type)) {
      if (!(value instanceof Collection<?> values)) {
        out.add(new FormViolation(key, TYPE, "must be a list"));
      } else {
        for (Object item : values) {
          if (checkOption(field, item, out)) {
            break;
          }
        }
      }
    } else if ("datetime".equals(type)) {
      checkDateTime(field, value, out);
    }
  }

  private static void checkText(FormField field, Object value, List<FormViolation> out) {
    if (!(value instanceof CharSequence)) {
      out.add(new FormViolation(field.key(), TYPE, "must be text"));
      return;
    }
    String text = value.toString();
    int length = text.codePointCount(0, text.length());
    if (field.minLength() != null && length < field.minLength()) {
      out.add(new FormViolation(field.key(), MIN_LENGTH, "must have at least " + field.minLength() + " characters"));
    }
    if (field.maxLength() != null && length > field.maxLength()) {
      out.add(new FormViolation(field.key(), MAX_LENGTH, "must have at most " + field.maxLength() + " characters"));
    }
    if (field.pattern() != null) {
      try {
        // form-js tests new RegExp(pattern) against the value: a match anywhere counts.
        if (!Pattern.compile(field.pattern()).matcher(text).find()) {
          out.add(new FormViolation(field.key(), PATTERN, "must match the pattern " + field.pattern()));
        }
      } catch (PatternSyntaxException e) {
        // A pattern Java cannot read is not enforced; the browser still checks it.
      }
    }
    if ("email".equals(field.validationType()) && !EMAIL_PATTERN.matcher(text).matches()) {
      out.add(new FormViolation(field.key(), EMAIL, "must be an email address"));
    }
    if ("phone".equals(field.validationType()) && !PHONE_PATTERN.matcher(text).matches()) {
      out.add(new FormViolation(field.key(), PHONE, "must be a phone number with country code (+86...)"));
    }
  }

  private static void checkNumber(FormField field, Object value, List<FormViolation> out) {
    BigDecimal number = decimal(value);
    if (number == null) {
      out.add(new FormViolation(field.key(), TYPE, "must be a number"));
      return;
    }
    if (field.min() != null && number.compareTo(field.min()) < 0) {
      out.add(new FormViolation(field.key(), MIN, "must be at least " + field.min().toPlainString()));
    }
    if (field.max() != null && number.compareTo(field.max()) > 0) {
      out.add(new FormViolation(field.key(), MAX, "must be at most " + field.max().toPlainString()));
    }
    if (field.decimalDigits() != null && Math.max(0, number.stripTrailingZeros().scale()) > field.decimalDigits()) {
      out.add(new FormViolation(field.key(), DECIMAL_DIGITS,
          "must have at most " + field.decimalDigits() + " decimal digits"));
    }
  }

  /** True when a violation was added. */
  private static boolean checkOption(FormField field, Object value, List<FormViolation> out) {
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      out.add(new FormViolation(field.key(), TYPE, "must hold single values"));
      return true;
    }
    if (field.hasOptions() && !field.options().contains(normalize(value))) {
      out.add(new FormViolation(field.key(), OPTIONS, "must be one of " + String.join(", ", field.options())));
      return true;
    }
    return false;
  }

  private static void checkDateTime(FormField field, Object value, List<FormViolation> out) {
    String subtype = field.subtype() == null ? "date" : field.subtype();
    if (value instanceof Date || value instanceof TemporalAccessor) {
      return;
    }
    String text = value.toString().trim();
    boolean readable = switch (subtype) {
      case "time" -> parses(text, LocalTime::parse) || parses(text, OffsetTime::parse)
          || parses(text, t -> OffsetTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")));
      case "datetime" -> parses(text, OffsetDateTime::parse) || parses(text, LocalDateTime::parse)
          || parses(text, t -> OffsetDateTime.parse(t.replaceFirst("([+-]\\d{2})(\\d{2})$", "$1:$2")));
      default -> text.length() == 10 && parses(text, LocalDate::parse);
    };
    if (!readable) {
      String format = switch (subtype) {
        case "time" -> "a time (HH:mm)";
        case "datetime" -> "a date and time (yyyy-MM-ddTHH:mm)";
        default -> "a date (yyyy-MM-dd)";
      };
      out.add(new FormViolation(field.key(), TYPE, "must be " + format));
    }
  }

  private static boolean parses(String text, Function<String, ?> parser) {
    try {
      parser.apply(text);
      return true;
    } catch (DateTimeParseException e) {
      return false;
    }
  }

  static boolean isEmpty(Object value) {
    return value == null || (value instanceof CharSequence text && text.isEmpty())
        || (value instanceof Collection<?> list && list.isEmpty());
  }

  private static Boolean bool(Object value) {
    if (value instanceof Boolean b) {
      return b;
    }
    if (value instanceof CharSequence text && ("true".equals(text.toString()) || "false".equals(text.toString()))) {
      return Boolean.valueOf(text.toString());
    }
    return null;
  }

  private static BigDecimal decimal(Object value) {
    if (value instanceof BigDecimal number) {
      return number;
    }
    if (value instanceof Number number) {
      try {
        return new BigDecimal(number.toString());
      } catch (NumberFormatException e) {
        return null; // NaN, Infinity
      }
    }
    if (value instanceof CharSequence text && !text.toString().isBlank()) {
      try {
        return new BigDecimal(text.toString().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  /** Tasklist resends read-only fields as it got them, possibly with another Java type. */
  private static String normalize(Object value) {
    if (value == null) {
      return "";
    }
    if (value instanceof Number number) {
      BigDecimal decimal = decimal(number);
      return decimal == null ? number.toString() : decimal.stripTrailingZeros().toPlainString();
    }
    if (value instanceof Date date) {
      return date.toInstant().toString();
    }
    if (value instanceof Collection<?> values) {
      return values.stream().map(FormValidator::normalize).collect(Collectors.joining("\u0000", "[", "]"));
    }
    return value.toString();
  }
}
