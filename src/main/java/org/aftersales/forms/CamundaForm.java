package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * A deployed Camunda Form (form-js schema) reduced to its input fields. Fields nest in
 * {@code group} components; the lists of a {@code dynamiclist} repeat per item and are not read.
 */
public record CamundaForm(String id, List<FormField> fields) {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Components that show or compute something and take no input. */
  private static final Set<String> NO_INPUT = Set.of("text", "html", "image", "spacer", "separator", "button",
      "iframe", "table", "expression", "documentPreview", "filepicker");

  public static CamundaForm parse(InputStream json) throws IOException {
    return parse(MAPPER.readTree(json));
  }

  public static CamundaForm parse(byte[] json) throws IOException {
    return parse(MAPPER.readTree(json));
  }

  public static CamundaForm parse(JsonNode form) throws IOException {
    if (form == null || !form.isObject() || !form.path("components").isArray()) {
      throw new IOException("Not a Camunda Form: no components");
    }
    List<FormField> fields = new ArrayList<>();
    collect(form.path("components"), fields);
    return new CamundaForm(form.path("id").asText(null), List.copyOf(fields));
  }

  /** The label people read for a field key, or the key itself. */
  public String labelOf(String key) {
    FormField field = field(key);
    return field == null || field.label() == null || field.label().isBlank() ? key : field.label();
  }

  public FormField field(String key) {
    return fields.stream().filter(f -> f.key().equals(key)).findFirst().orElse(null);
  }

  private static void collect(JsonNode components, List<FormField> fields) {
    for (JsonNode component : components) {
      String type = component.path("type").asText("");
      if ("dynamiclist".equals(type)) {
        continue;
      }
      if (component.path("components").isArray()) {
        collect(component.path("components"), fields);
      }
      String key = component.path("key").asText("");
      if (key.isEmpty() || NO_INPUT.contains(type) || component.path("components").isArray()) {
        continue;
      }
      fields.add(field(component, key, type));
    }
  }

  private static FormField field(JsonNode component, String key, String type) {
    JsonNode validate = component.path("validate");
    String subtype = component.hasNonNull("subtype") ? component.get("subtype").asText() : null;
    return new FormField(key, type, subtype, flag(validate.path("required")), decimal(validate.path("min")),
        decimal(validate.path("max")), integer(validate.path("minLength")), integer(validate.path("maxLength")),
        text(validate.path("pattern")), text(validate.path("validationType")), flag(component.path("readonly")),
        flag(component.path("disabled")), options(component),
        component.path("conditional").hasNonNull("hide"), integer(component.path("decimalDigits")),
        text(component.has("label") ? component.path("label") : component.path("dateLabel")));
  }

  /** A literal {@code true}; an expression ({@code "=..."}) cannot be evaluated here and counts as false. */
  private static boolean flag(JsonNode node) {
    return node.isBoolean() && node.booleanValue();
  }

  private static BigDecimal decimal(JsonNode node) {
    if (node.isNumber()) {
      return node.decimalValue();
    }
    if (node.isTextual() && !node.asText().isBlank() && !node.asText().startsWith("=")) {
      try {
        return new BigDecimal(node.asText().trim());
      } catch (NumberFormatException e) {
        return null;
      }
    }
    return null;
  }

  private static Integer integer(JsonNode node) {
    BigDecimal value = decimal(node);
    return value == null ? null : value.intValue();
  }

  private static String text(JsonNode node) {
    return node.isTextual() && !node.asText().isEmpty() ? node.asText() : null;
  }

  private static List<String> options(JsonNode component) {
    if (!component.path("values").isArray() || component.hasNonNull("valuesKey")
        || component.hasNonNull("valuesExpression")) {
      return null;
    }
    List<String> options = new ArrayList<>();
    component.path("values").forEach(option -> options.add(option.path("value").asText()));
    return List.copyOf(options);
  }
}
