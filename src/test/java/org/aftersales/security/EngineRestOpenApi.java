package org.aftersales.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Camunda's own OpenAPI document of engine-rest ({@code openapi.json} in the
 * {@code camunda-engine-rest-openapi} artifact), read with Jackson: its operations, and request
 * values made from their schemas, plausible or malformed.
 */
final class EngineRestOpenApi {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");
  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
  private static final int MAX_DEPTH = 4;
  static final String DATE = "2026-01-23T14:42:45.000+0000";

  /** A parameter in the path or the query, with its schema. */
  record Parameter(String name, String in, boolean required, JsonNode schema) {
  }

  /** One operation; {@code bodySchema} is null when it takes no body. */
  record Operation(String method, String path, String tag, String summary, List<Parameter> parameters,
      String contentType, JsonNode bodySchema) {

    boolean writes() {
      return !"GET".equals(method);
    }

    List<Parameter> in(String where) {
      return parameters.stream().filter(p -> p.in().equals(where)).toList();
    }

    boolean multipart() {
      return "multipart/form-data".equals(contentType);
    }

    @Override
    public String toString() {
      return method + " " + path;
    }
  }

  private final JsonNode document;

  private EngineRestOpenApi(JsonNode document) {
    this.document = document;
  }

  static EngineRestOpenApi load() {
    try (InputStream in = EngineRestOpenApi.class.getClassLoader().getResourceAsStream("openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json (camunda-engine-rest-openapi) is not on the test classpath");
      }
      return new EngineRestOpenApi(new ObjectMapper().readTree(in));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  String version() {
    return document.path("info").path("version").asText();
  }

  List<Operation> operations() {
    List<Operation> operations = new ArrayList<>();
    document.get("paths").fields().forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
      if (!METHODS.contains(entry.getKey())) {
        return;
      }
      JsonNode operation = entry.getValue();
      List<Parameter> parameters = new ArrayList<>();
      for (JsonNode source : List.of(path.getValue().path("parameters"), operation.path("parameters"))) {
        for (JsonNode parameter : source) {
          JsonNode resolved = resolve(parameter);
          parameters.add(new Parameter(resolved.get("name").asText(), resolved.get("in").asText(),
              resolved.path("required").asBoolean(false), resolve(resolved.path("schema"))));
        }
      }
      String contentType = null;
      JsonNode bodySchema = null;
      Iterator<Map.Entry<String, JsonNode>> content = operation.path("requestBody").path("content").fields();
      if (content.hasNext()) {
        Map.Entry<String, JsonNode> first = content.next();
        contentType = first.getKey();
        bodySchema = resolve(first.getValue().path("schema"));
      }
      operations.add(new Operation(entry.getKey().toUpperCase(), path.getKey(),
          operation.path("tags").path(0).asText(""), operation.path("summary").asText(""), parameters, contentType,
          bodySchema));
    }));
    return operations;
  }

  /** Follows a local {@code $ref} ({@code #/components/...}). */
  JsonNode resolve(JsonNode node) {
    JsonNode current = node;
    while (current != null && current.has("$ref")) {
      current = document.at(current.get("$ref").asText().substring(1));
    }
    return current;
  }

  /** Properties of an object schema, {@code allOf} parts merged. */
  Map<String, JsonNode> properties(JsonNode schema) {
    Map<String, JsonNode> properties = new LinkedHashMap<>();
    JsonNode resolved = resolve(schema);
    for (JsonNode part : resolved.path("allOf")) {
      properties.putAll(properties(part));
    }
    resolved.path("properties").fields().forEachRemaining(e -> properties.put(e.getKey(), resolve(e.getValue())));
    return properties;
  }

  static boolean isObject(JsonNode schema) {
    return schema.has("properties") || schema.has("allOf") || "object".equals(schema.path("type").asText());
  }

  /**
   * A value that fits the schema; {@code known} names a value for a property (a real id, a
   * password that must be right) or returns empty for the generic one.
   */
  JsonNode plausible(String name, JsonNode schema, Function<String, Optional<String>> known) {
    return plausible(name, resolve(schema), known, 0);
  }

  private JsonNode plausible(String name, JsonNode schema, Function<String, Optional<String>> known, int depth) {
    if (schema == null || schema.isMissingNode()) {
      return NODES.textNode("aValue");
    }
    if (schema.has("enum")) {
      return schema.get("enum").get(0);
    }
    if ("asyncResponseTimeout".equals(name)) {
      // Long polling is answered by engine-rest's fetch-and-lock thread, a static one that the
      // suite's closed contexts (SeedingRestartIT) have stopped: the request would wait forever.
      return NODES.nullNode();
    }
    String type = schema.path("type").asText("");
    switch (type) {
      case "boolean":
        return NODES.booleanNode(true);
      case "integer":
        return NODES.numberNode(1);
      case "number":
        return NODES.numberNode(1.5);
      case "array": {
        ArrayNode array = NODES.arrayNode();
        if (depth < MAX_DEPTH) {
          array.add(plausible(singular(name), resolve(schema.path("items")), known, depth + 1));
        }
        return array;
      }
      case "string":
        if ("date-time".equals(schema.path("format").asText())) {
          return NODES.textNode(DATE);
        }
        return NODES.textNode(known.apply(name).orElse("aString"));
      default:
        break;
    }
    if (!isObject(schema)) {
      return NODES.textNode(known.apply(name).orElse("aValue"));
    }
    ObjectNode object = NODES.objectNode();
    if (depth >= MAX_DEPTH) {
      return object;
    }
    properties(schema).forEach((property, propertySchema) ->
        object.set(property, plausible(property, propertySchema, known, depth + 1)));
    JsonNode additional = schema.path("additionalProperties");
    if (additional.isObject() && properties(schema).isEmpty()) {
      object.set("aKey", plausible("aKey", resolve(additional), known, depth + 1));
    }
    return object;
  }

  /** Every field of the wrong JSON type: text for numbers, booleans and lists, an object for text. */
  JsonNode wrongTypes(JsonNode schema) {
    ObjectNode object = NODES.objectNode();
    properties(schema).forEach((property, propertySchema) -> object.set(property, wrongType(propertySchema)));
    return object;
  }

  JsonNode wrongType(JsonNode schema) {
    JsonNode resolved = resolve(schema);
    if (resolved.has("enum")) {
      return NODES.textNode("notOneOfTheValues");
    }
    return switch (resolved.path("type").asText("")) {
      case "boolean" -> NODES.textNode("notABoolean");
      case "integer", "number" -> NODES.textNode("notANumber");
      case "array" -> NODES.textNode("notAList");
      case "string" -> "date-time".equals(resolved.path("format").asText())
          ? NODES.textNode("notADate") : NODES.objectNode().put("not", "text");
      default -> isObject(resolved) ? NODES.textNode("notAnObject") : NODES.arrayNode().add("notAValue");
    };
  }

  /** Every field null. */
  JsonNode nulls(JsonNode schema) {
    ObjectNode object = NODES.objectNode();
    properties(schema).keySet().forEach(object::putNull);
    return object;
  }

  /** A query parameter's value of the wrong type, or empty when any text fits. */
  Optional<String> wrongQueryValue(JsonNode schema) {
    JsonNode wrong = wrongType(schema);
    return wrong.isTextual() ? Optional.of(wrong.asText()) : Optional.empty();
  }

  /** A query parameter's plausible value. */
  String plausibleQueryValue(Parameter parameter, Function<String, Optional<String>> known) {
    JsonNode value = plausible(parameter.name(), parameter.schema(), known);
    return value.isArray() ? value.path(0).asText() : value.asText();
  }

  private static String singular(String name) {
    return name.endsWith("In") ? name.substring(0, name.length() - 2)
        : name.endsWith("s") ? name.substring(0, name.length() - 1) : name;
  }
}
