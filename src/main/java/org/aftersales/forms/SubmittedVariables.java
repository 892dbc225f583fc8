package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.math.BigDecimal;
import java.text.ParseException;
import java.text.SimpleDateFormat;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Variables of an engine-rest body ({@code "variables": {name: {"value", "type"}}}) as the Java
 * values the engine would store. A value that does not fit its declared type stays as sent, so
 * the form's type check names it.
 */
public final class SubmittedVariables {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** engine-rest's default date format. */
  private static final String ENGINE_DATE = "yyyy-MM-dd'T'HH:mm:ss.SSSZ";

  private SubmittedVariables() {
  }

  /** The {@code variables} of a completion or form submission; empty when there are none. */
  public static Map<String, Object> fromBody(JsonNode body) {
    Map<String, Object> values = new LinkedHashMap<>();
    JsonNode variables = body == null ? null : body.get("variables");
    if (variables == null || !variables.isObject()) {
      return values;
    }
    variables.properties().forEach(entry -> values.put(entry.getKey(), value(entry.getValue())));
    return values;
  }

  static Object value(JsonNode variable) {
    if (variable == null || !variable.isObject()) {
      return plain(variable);
    }
    JsonNode value = variable.get("value");
    String type = variable.path("type").asText("").toLowerCase(Locale.ROOT);
    if (value == null || value.isNull() || "null".equals(type)) {
      return null;
    }
    return switch (type) {
      case "string" -> value.isValueNode() ? value.asText() : value.toString();
      case "integer", "long", "short", "double" -> number(value);
      case "boolean" -> value.isBoolean() ? (Object) value.booleanValue()
          : "true".equals(value.asText()) || "false".equals(value.asText()) ? Boolean.valueOf(value.asText())
          : value.asText();
      case "date" -> date(value.asText());
      case "json", "object" -> value.isTextual() ? parsed(value.asText()) : plain(value);
      default -> plain(value);
    };
  }

  private static Object number(JsonNode value) {
    if (value.isNumber()) {
      return value.decimalValue();
    }
    try {
      return new BigDecimal(value.asText().trim());
    } catch (NumberFormatException e) {
      return value.isValueNode() ? value.asText() : value.toString();
    }
  }

  private static Object date(String text) {
    try {
      SimpleDateFormat format = new SimpleDateFormat(ENGINE_DATE);
      format.setLenient(false);
      return format.parse(text);
    } catch (ParseException e) {
      return text;
    }
  }

  private static Object parsed(String json) {
    try {
      return plain(MAPPER.readTree(json));
    } catch (IOException e) {
      return json;
    }
  }

  /** A JSON value without a declared type: text, number, boolean, list or map. */
  static Object plain(JsonNode node) {
    if (node == null || node.isNull() || node.isMissingNode()) {
      return null;
    }
    if (node.isTextual()) {
      return node.asText();
    }
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isBoolean()) {
      return node.booleanValue();
    }
    return MAPPER.convertValue(node, Object.class);
  }
}
