package org.aftersales.security;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.ws.rs.core.MultivaluedHashMap;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.rest.mapper.MultipartFormData;
import org.camunda.bpm.engine.rest.mapper.MultipartPayloadProvider;

/**
 * Which variable types may enter through the engine's REST API: the primitive types our
 * processes and Tasklist use. Object (any serialization format), Json, Xml, Bytes, File and
 * unknown types are refused: an Object variable names a Java class the engine instantiates,
 * and one the engine cannot read back wedges the case (every later read of its variables fails).
 */
final class VariableTypes {

  /** Engine type names (the REST API's with a lower-case first letter, as the engine resolves them). */
  static final Set<String> ALLOWED = Set.of("string", "boolean", "integer", "long", "short", "double", "date",
      "null");
  static final String ALLOWED_TEXT = "String, Boolean, Integer, Long, Short, Double, Date, Null";

  /** JSON members whose object value maps variable names to values (start, complete, correlate, modify ...). */
  private static final Set<String> VARIABLE_MAPS = Set.of("variables", "modifications", "processVariables",
      "processVariablesLocal", "localVariables", "correlationKeys", "localCorrelationKeys");

  /** {@code PUT .../variables/{name}} and {@code .../localVariables/{name}}: the body is one variable. */
  private static final Pattern SINGLE_VARIABLE = Pattern.compile(".*/(?:localV|v)ariables/([^/]+)");
  /** {@code POST .../variables/{name}/data}: a variable from a multipart upload. */
  private static final Pattern DATA_ROUTE = Pattern.compile(".*/(?:localV|v)ariables/([^/]+)/data");

  private VariableTypes() {
  }

  /** The name of the variable a single-variable request ({@code PUT}) sets, if the path is one. */
  static Optional<String> singleVariable(String method, String path) {
    return "PUT".equalsIgnoreCase(method) ? group(SINGLE_VARIABLE.matcher(path)) : Optional.empty();
  }

  /** The name of the variable a multipart data route ({@code POST .../data}) sets, if the path is one. */
  static Optional<String> dataRoute(String method, String path) {
    return "POST".equalsIgnoreCase(method) ? group(DATA_ROUTE.matcher(path)) : Optional.empty();
  }

  private static Optional<String> group(Matcher matcher) {
    return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
  }

  /**
   * The first variable of a JSON body whose type is not allowed, as a message naming it and
   * its type. {@code singleVariable} names the variable when the whole body is one value.
   */
  static Optional<String> refusedInJson(JsonNode body, String singleVariable) {
    if (body == null) {
      return Optional.empty();
    }
    if (singleVariable != null) {
      Optional<String> refused = refusedValue(singleVariable, body);
      if (refused.isPresent()) {
        return refused;
      }
    }
    return find(body, null);
  }

  private static Optional<String> find(JsonNode node, String name) {
    if (node.isArray()) {
      for (JsonNode element : node) {
        Optional<String> refused = find(element, name);
        if (refused.isPresent()) {
          return refused;
        }
      }
    }
    if (!node.isObject()) {
      return Optional.empty();
    }
    // A typed value wherever it appears, also in a member we do not know as a variable map.
    if (node.path("type").isTextual() && (node.has("value") || node.has("valueInfo"))) {
      Optional<String> refused = refusedType(name == null ? "?" : name, node.get("type").asText());
      if (refused.isPresent()) {
        return refused;
      }
    }
    for (Map.Entry<String, JsonNode> member : node.properties()) {
      JsonNode value = member.getValue();
      if (VARIABLE_MAPS.contains(member.getKey()) && value.isObject()) {
        for (Map.Entry<String, JsonNode> variable : value.properties()) {
          Optional<String> refused = refusedValue(variable.getKey(), variable.getValue());
          if (refused.isPresent()) {
            return refused;
          }
        }
      } else if (!"value".equals(member.getKey())) {
        Optional<String> refused = find(value, member.getKey());
        if (refused.isPresent()) {
          return refused;
        }
      }
    }
    return Optional.empty();
  }

  /** One variable value object {@code {value, type, valueInfo}} as the engine's VariableValueDto reads it. */
  private static Optional<String> refusedValue(String name, JsonNode dto) {
    if (!dto.isObject()) {
      return Optional.empty(); // not a variable value: the engine refuses the body itself
    }
    JsonNode type = dto.get("type");
    if (type != null && !type.isNull()) {
      return refusedType(name, type.isTextual() ? type.asText() : type.toString());
    }
    // Without a type the engine infers one from the JSON value: lists, objects and numbers
    // beyond a long become Object variables.
    JsonNode value = dto.path("value");
    if (value.isMissingNode() || value.isNull() || value.isTextual() || value.isBoolean() || value.isInt()
        || value.isLong() || value.isDouble()) {
      return Optional.empty();
    }
    String shape = value.isArray() ? "a list" : value.isObject() ? "an object" : "the number " + value;
    return Optional.of("Variable '" + name + "' has no type and " + shape + " as value, which would be stored "
        + "as type Object; allowed types: " + ALLOWED_TEXT);
  }

  static Optional<String> refusedType(String name, String type) {
    if (!type.isEmpty() && ALLOWED.contains(engineName(type))) {
      return Optional.empty();
    }
    return Optional.of("Variable '" + name + "' has type '" + type + "', which is not allowed; allowed types: "
        + ALLOWED_TEXT);
  }

  /** As the engine's VariableValueDto.fromRestApiTypeName: the first letter in lower case. */
  private static String engineName(String restName) {
    return restName.substring(0, 1).toLowerCase(java.util.Locale.ROOT) + restName.substring(1);
  }

  /**
   * A multipart {@code .../variables/{name}/data} body read as the engine reads it. A {@code type}
   * part makes the engine instantiate the named Java class from the JSON {@code data}; without
   * a {@code valueType} part the variable becomes Bytes.
   */
  static Optional<String> refusedInMultipart(String name, byte[] body, String contentType) {
    MultipartFormData form;
    try {
      var headers = new MultivaluedHashMap<String, String>();
      headers.putSingle("content-type", contentType);
      form = new MultipartPayloadProvider().readFrom(MultipartFormData.class, null, null, null, headers,
          new ByteArrayInputStream(body));
    } catch (Exception unreadable) { // IOException on Camunda; Operaton's readFrom declares none
      return Optional.of("Variable '" + name + "': the multipart body cannot be read");
    }
    MultipartFormData.FormPart objectType = form.getNamedPart("type");
    if (objectType != null) {
      return Optional.of("Variable '" + name + "' has type 'Object' (Java class '" + objectType.getTextContent()
          + "' in part 'type'), which is not allowed; allowed types: " + ALLOWED_TEXT);
    }
    MultipartFormData.FormPart valueType = form.getNamedPart("valueType");
    String type = valueType == null || valueType.getTextContent() == null ? "Bytes" : valueType.getTextContent();
    return refusedType(name, type);
  }
}
