package org.aftersales.security;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ReadListener;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletInputStream;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriBuilder;
import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.glassfish.jersey.server.internal.ContainerUtils;
import org.glassfish.jersey.uri.UriComponent;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Refuses engine REST requests that would run code on the server.
 *
 * <p>Expressions: refuses requests that carry an expression ({@code ${...}} or {@code #{...}})
 * anywhere in a query: URL parameters and JSON bodies, at any depth. Camunda 7.24 CE checks
 * only the top level of an ad-hoc task query; an expression inside {@code orQueries} is
 * evaluated, which lets any logged-in user run code on the server.
 *
 * <p>Variable values (a JSON field {@code value}) are data, never evaluated, and pass.
 * Multipart bodies (deployments: models legitimately hold expressions) are not queries
 * and are left to the authorization check that only admins deploy.
 *
 * <p>URL parameters are decoded as the engine's JAX-RS layer decodes them; a parameter that is
 * not valid percent-encoded UTF-8 is refused rather than guessed at.
 *
 * <p>Java serialization: a variable posted as {@code application/x-java-serialized-object}
 * is refused with a 400 here; the engine refuses it too (the format is off) but answers 500.
 *
 * <p>Variable types: only the types of {@link VariableTypes} enter, in JSON bodies at any depth
 * and in the multipart {@code .../variables/{name}/data} uploads.
 */
public class EngineRequestGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(EngineRequestGuard.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Fields whose content is data stored as given, never an expression evaluated by a query. */
  private static final Set<String> DATA_FIELDS = Set.of("value", "valueInfo");
  private static final String JAVA_SERIALIZATION = "application/x-java-serialized-object";

  private final int maxInspectedBytes;

  public EngineRequestGuard(int maxInspectedBytes) {
    this.maxInspectedBytes = maxInspectedBytes;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Optional<String> undecodable = undecodableParameter(request.getQueryString());
    if (undecodable.isPresent()) {
      LOG.warn("Refused {} {}: query parameter '{}' cannot be decoded", request.getMethod(), request.getRequestURI(),
          undecodable.get());
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "Query parameter '" + undecodable.get() + "' is not valid percent-encoded UTF-8");
      return;
    }
    Optional<String> parameter = expressionInParameters(request);
    if (parameter.isPresent()) {
      refuse(request, response, "query parameter '" + parameter.get() + "'");
      return;
    }
    String path = RequestPaths.of(request);
    Optional<String> dataVariable = VariableTypes.dataRoute(request.getMethod(), path);
    if (dataVariable.isPresent() && isMultipart(request)) {
      byte[] body = readInspected(request, response);
      if (body == null) {
        return;
      }
      Optional<String> refused = VariableTypes.refusedInMultipart(dataVariable.get(), body, request.getContentType());
      if (refused.isPresent()) {
        refuseVariable(request, response, refused.get());
        return;
      }
      chain.doFilter(new CachedBodyRequest(request, body), response);
      return;
    }
    if (!isJson(request)) {
      chain.doFilter(request, response);
      return;
    }
    byte[] body = readInspected(request, response);
    if (body == null) {
      return;
    }
    JsonNode json = parse(body);
    Optional<String> field = find(json, "$");
    if (field.isPresent()) {
      refuse(request, response, "field '" + field.get() + "'");
      return;
    }
    if (declaresJavaSerialization(json)) {
      LOG.warn("Refused {} {}: Java-serialized variable", request.getMethod(), request.getRequestURI());
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "Java serialization of variables is not allowed: valueInfo.serializationDataFormat '"
              + JAVA_SERIALIZATION + "'; send JSON instead");
      return;
    }
    Optional<String> refusedType = VariableTypes.refusedInJson(json,
        VariableTypes.singleVariable(request.getMethod(), path).orElse(null));
    if (refusedType.isPresent()) {
      refuseVariable(request, response, refusedType.get());
      return;
    }
    chain.doFilter(new CachedBodyRequest(request, body), response);
  }

  /** The body up to the inspection limit, or null after answering 413 when it is larger. */
  private byte[] readInspected(HttpServletRequest request, HttpServletResponse response) throws IOException {
    byte[] body = request.getInputStream().readNBytes(maxInspectedBytes + 1);
    if (body.length > maxInspectedBytes) {
      JsonErrors.write(response, HttpServletResponse.SC_REQUEST_ENTITY_TOO_LARGE, "InvalidRequestException",
          "Request body larger than " + maxInspectedBytes + " bytes");
      return null;
    }
    return body;
  }

  private static void refuse(HttpServletRequest request, HttpServletResponse response, String where)
      throws IOException {
    LOG.warn("Refused {} {}: expression in {}", request.getMethod(), request.getRequestURI(), where);
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
        "Expressions are not allowed in queries: " + where);
  }

  private static void refuseVariable(HttpServletRequest request, HttpServletResponse response, String message)
      throws IOException {
    LOG.warn("Refused {} {}: {}", request.getMethod(), request.getRequestURI(), message);
    JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException", message);
  }

  /**
   * The first parameter (its raw name) that is not valid percent-encoded UTF-8. Jersey would not
   * refuse it: it re-encodes a stray {@code %} and decodes bad UTF-8 to U+FFFD, so such input
   * only ever comes from a client probing the decoders.
   */
  static Optional<String> undecodableParameter(String query) {
    if (query == null) {
      return Optional.empty();
    }
    for (String pair : query.split("&")) {
      if (!strictlyDecodable(pair)) {
        int equals = pair.indexOf('=');
        return Optional.of(equals < 0 ? pair : pair.substring(0, equals));
      }
    }
    return Optional.empty();
  }

  private static boolean strictlyDecodable(String text) {
    var bytes = new java.io.ByteArrayOutputStream();
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '%') {
        if (i + 2 >= text.length() || Character.digit(text.charAt(i + 1), 16) < 0
            || Character.digit(text.charAt(i + 2), 16) < 0) {
          return false;
        }
        bytes.write(Character.digit(text.charAt(i + 1), 16) * 16 + Character.digit(text.charAt(i + 2), 16));
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c).getBytes(StandardCharsets.UTF_8));
      }
    }
    try {
      StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
          .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes.toByteArray()));
      return true;
    } catch (CharacterCodingException e) {
      return false;
    }
  }

  /**
   * The first parameter whose name or value holds an expression, decoded exactly as the engine's
   * JAX-RS layer (Jersey) decodes it: the servlet container re-encodes the query
   * ({@code replaceQuery}), then {@code UriComponent.decodeQuery} splits and decodes it.
   * We decode the raw query ourselves: getParameterMap() would consume a form body.
   */
  static Optional<String> expressionInParameters(HttpServletRequest request) {
    String query = request.getQueryString();
    if (query == null) {
      return Optional.empty();
    }
    MultivaluedMap<String, String> parameters;
    try {
      String encoded = UriBuilder.fromUri("http://engine/").replaceQuery(ContainerUtils.encodeUnsafeCharacters(query))
          .build().getRawQuery();
      parameters = UriComponent.decodeQuery(encoded, true);
    } catch (RuntimeException undecodable) {
      return Optional.of(query); // what Jersey cannot decode it refuses too; never let it through unchecked
    }
    for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
      if (containsExpression(parameter.getKey())
          || parameter.getValue().stream().anyMatch(EngineRequestGuard::containsExpression)) {
        return Optional.of(parameter.getKey());
      }
    }
    return Optional.empty();
  }

  static Optional<String> expressionInJson(byte[] body) {
    return find(parse(body), "$");
  }

  /** The body as JSON, or null when it is empty or not JSON (the engine then answers 400 itself). */
  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null;
    }
  }

  private static Optional<String> find(JsonNode node, String path) {
    if (node == null) {
      return Optional.empty();
    }
    if (node.isTextual()) {
      return containsExpression(node.asText()) ? Optional.of(path) : Optional.empty();
    }
    if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        Optional<String> found = find(node.get(i), path + "[" + i + "]");
        if (found.isPresent()) {
          return found;
        }
      }
    }
    if (node.isObject()) {
      for (Map.Entry<String, JsonNode> entry : node.properties()) {
        String childPath = path + "." + entry.getKey();
        if (containsExpression(entry.getKey())) {
          return Optional.of(childPath);
        }
        if (DATA_FIELDS.contains(entry.getKey())) {
          continue;
        }
        Optional<String> found = find(entry.getValue(), childPath);
        if (found.isPresent()) {
          return found;
        }
      }
    }
    return Optional.empty();
  }

  static boolean declaresJavaSerialization(JsonNode json) {
    return json != null && json.findValues("serializationDataFormat").stream()
        .anyMatch(format -> JAVA_SERIALIZATION.equalsIgnoreCase(format.asText()));
  }

  static boolean containsExpression(String text) {
    return text.contains("${") || text.contains("#{");
  }

  private static boolean isMultipart(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase().startsWith("multipart/");
  }

  private static boolean isJson(HttpServletRequest request) {
    String contentType = request.getContentType();
    return contentType != null && contentType.toLowerCase().contains("json");
  }

  /** Replays a body that was read for inspection. */
  public static final class CachedBodyRequest extends HttpServletRequestWrapper {
    private final byte[] body;

    public CachedBodyRequest(HttpServletRequest request, byte[] body) {
      super(request);
      this.body = body;
    }

    @Override
    public ServletInputStream getInputStream() {
      InputStream in = new ByteArrayInputStream(body);
      return new ServletInputStream() {
        @Override
        public int read() throws IOException {
          return in.read();
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
          return in.read(buffer, offset, length);
        }

        @Override
        public boolean isFinished() {
          try {
            return in.available() == 0;
          } catch (IOException e) {
            return true;
          }
        }

        @Override
        public boolean isReady() {
          return true;
        }

        @Override
        public void setReadListener(ReadListener listener) {
          throw new UnsupportedOperationException("synchronous replay only");
        }
      };
    }

    @Override
    public BufferedReader getReader() {
      String encoding = getCharacterEncoding() == null ? "UTF-8" : getCharacterEncoding();
      return new BufferedReader(new InputStreamReader(getInputStream(), java.nio.charset.Charset.forName(encoding)));
    }

    @Override
    public int getContentLength() {
      return body.length;
    }

    @Override
    public long getContentLengthLong() {
      return body.length;
    }

    @Override
    public String getHeader(String name) {
      return "Content-Length".equalsIgnoreCase(name) ? String.valueOf(body.length) : super.getHeader(name);
    }

    @Override
    public Enumeration<String> getHeaders(String name) {
      return "Content-Length".equalsIgnoreCase(name)
          ? Collections.enumeration(List.of(String.valueOf(body.length))) : super.getHeaders(name);
    }
  }
}
