package org.aftersales.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Every operation of Camunda's engine REST API, read from its OpenAPI document (camunda-engine-rest-openapi). */
public final class EngineRestOperations {

  private static final Set<String> METHODS = Set.of("get", "post", "put", "delete");

  /** One operation: its method and its path below {@code /engine-rest}, with {@code {parameter}}s. */
  public record Operation(String method, String path, String summary) {

    public boolean writes() {
      return !"GET".equals(method);
    }
  }

  private EngineRestOperations() {
  }

  public static List<Operation> all() {
    try (InputStream in = EngineRestOperations.class.getResourceAsStream("/openapi.json")) {
      if (in == null) {
        throw new IllegalStateException("openapi.json of camunda-engine-rest-openapi is not on the test classpath");
      }
      JsonNode paths = new ObjectMapper().readTree(in).path("paths");
      List<Operation> operations = new ArrayList<>();
      paths.properties().forEach(path -> path.getValue().properties().forEach(operation -> {
        if (METHODS.contains(operation.getKey())) {
          operations.add(new Operation(operation.getKey().toUpperCase(Locale.ROOT), path.getKey(),
              operation.getValue().path("summary").asText("")));
        }
      }));
      return operations;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
