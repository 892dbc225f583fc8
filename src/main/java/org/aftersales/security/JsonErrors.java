package org.aftersales.security;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Error bodies shaped like the engine REST API's: {@code {"type": ..., "message": ...}}. */
public final class JsonErrors {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private JsonErrors() {
  }

  public static void write(HttpServletResponse response, int status, String type, String message) throws IOException {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type);
    body.put("message", message);
    response.setStatus(status);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), body);
  }
}
