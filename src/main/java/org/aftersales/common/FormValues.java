package org.aftersales.common;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Values as Camunda Forms (or REST clients) submit them, read and checked by the task
 * listeners: a bad value throws {@link TaskInputException} naming the field.
 */
public final class FormValues {

  private FormValues() {
  }

  /** A date variable as a form or the intake writes it (ISO {@code yyyy-MM-dd}, or a date-time). */
  public static LocalDate date(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    if (value instanceof java.util.Date date) {
      return date.toInstant().atZone(java.time.ZoneOffset.UTC).toLocalDate();
    }
    String text = value.toString().trim();
    try {
      return LocalDate.parse(text.length() > 10 ? text.substring(0, 10) : text);
    } catch (DateTimeParseException e) {
      throw new TaskInputException(name, "Not a date (yyyy-MM-dd): " + text);
    }
  }

  /** A number from a form (a double, a long or its text) as an exact decimal; null when empty. */
  public static BigDecimal decimal(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    if (value == null || value.toString().isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(value.toString().trim());
    } catch (NumberFormatException e) {
      throw new TaskInputException(name, "Not a number: " + value);
    }
  }

  /** A yes/no field, stored back as a boolean for the gateways; {@code fallback} when empty. */
  public static boolean yesNo(VariableScope scope, String name, boolean fallback) {
    Object value = scope.getVariable(name);
    boolean answer;
    if (value == null || value.toString().isBlank()) {
      answer = fallback;
    } else if (value instanceof Boolean b) {
      answer = b;
    } else if ("true".equalsIgnoreCase(value.toString().trim()) || "false".equalsIgnoreCase(value.toString().trim())) {
      answer = Boolean.parseBoolean(value.toString().trim());
    } else {
      throw new TaskInputException(name, "Must be true or false");
    }
    scope.setVariable(name, answer);
    return answer;
  }

  public static String required(VariableScope scope, String name, String what) {
    String value = Variables.string(scope, name);
    if (value == null || value.isBlank()) {
      throw new TaskInputException(name, what + " is required");
    }
    return value.trim();
  }

  public static String oneOf(VariableScope scope, String name, List<String> allowed) {
    String value = Variables.string(scope, name);
    if (value == null || !allowed.contains(value)) {
      throw new TaskInputException(name, "Must be one of " + String.join(", ", allowed));
    }
    return value;
  }
}
