package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.Languages;
import org.aftersales.common.SystemAuthority;
import org.aftersales.security.Caller;
import org.aftersales.security.JsonErrors;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A process that staff start from Tasklist's <em>Start process</em> through the application's own
 * intake rather than the engine's plain start: every {@code start} and {@code submit-form} of the
 * process (engine-rest and the webapps, by id or key) reaches {@link #start}, which checks the
 * form's values as the application's API does and starts the process itself. The answer is
 * engine-rest's: the started instance, or a 400 naming the form's fields by their labels.
 * Runs after the form check ({@link FormEnforcementFilter}), so the form's own rules come first.
 */
public abstract class StartFormIntake extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(StartFormIntake.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern START = Pattern.compile(RequestPaths.ENGINE_API
      + "/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/[^/]+)?|(?<id>(?!key/)[^/]+))/(?<how>start|submit-form)/?$");

  /** A started instance, as engine-rest describes one. */
  public record Started(String processInstanceId, String businessKey) {
  }

  /** Refused values, by form field key; the message is what is wrong. */
  public static class Refused extends RuntimeException {
    private final transient List<FormViolation> violations;

    public Refused(List<FormViolation> violations) {
      super(violations.toString());
      this.violations = List.copyOf(violations);
    }

    public List<FormViolation> violations() {
      return violations;
    }
  }

  private final String processKey;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final DeployedForms forms;

  protected StartFormIntake(String processKey, RepositoryService repositoryService, IdentityService identityService,
      SystemAuthority system, DeployedForms forms) {
    this.processKey = processKey;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.system = system;
    this.forms = forms;
  }

  /** Whether the caller may start the process this way; others get 403 with {@link #refusal()}. */
  protected abstract boolean mayStart(Caller caller);

  protected abstract String refusal();

  /** Starts the process from the form's values ({@code name -> value}, as submitted, untyped). */
  protected abstract Started start(Map<String, JsonNode> values, Caller caller) throws IOException;

  /**
   * Whether administrators' plain starts ({@code .../start} with variables of their choosing) go
   * to the engine as they are; the form ({@code submit-form}) always takes the intake.
   */
  protected boolean passesAdministrators() {
    return false;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher start = START.matcher(RequestPaths.of(request));
    if (!"POST".equals(request.getMethod()) || !start.matches() || !startsThisProcess(start)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = Caller.of(request, identityService);
    if (caller.isEmpty() || caller.get().isAdmin() && passesAdministrators() && "start".equals(start.group("how"))) {
      chain.doFilter(request, response); // not logged in: the engine answers 401
      return;
    }
    if (!caller.get().isAdmin() && !mayStart(caller.get())) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException", refusal());
      return;
    }
    Started started;
    try {
      Map<String, JsonNode> values = values(request.getInputStream().readAllBytes());
      started = caller.get().run(identityService, () -> {
        try {
          return start(values, caller.get());
        } catch (IOException e) {
          throw new Refused(List.of(new FormViolation("body", "accepted", "is not valid JSON")));
        }
      });
    } catch (Refused e) {
      LOG.info("Refused to start {} from its form: {}", processKey, e.violations());
      FormErrors.write(response, e.violations(), startForm(start), Languages.requested(request));
      return;
    }
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("id", started.processInstanceId());
    instance.put("definitionId", latestDefinitionId());
    instance.put("businessKey", started.businessKey());
    instance.put("caseInstanceId", null);
    instance.put("ended", false);
    instance.put("suspended", false);
    instance.put("tenantId", null);
    instance.put("links", List.of());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), instance);
  }

  /** The submitted variables' values: {@code {"variables": {name: {"value": …}}}}; empty fields left out. */
  static Map<String, JsonNode> values(byte[] body) throws IOException {
    Map<String, JsonNode> values = new LinkedHashMap<>();
    JsonNode json;
    try {
      json = body.length == 0 ? null : MAPPER.readTree(body);
    } catch (IOException e) {
      throw new Refused(List.of(new FormViolation("body", "accepted", "is not valid JSON")));
    }
    JsonNode variables = json == null ? null : json.get("variables");
    if (variables != null && variables.isObject()) {
      for (var variable : variables.properties()) {
        JsonNode value = variable.getValue().isObject() ? variable.getValue().get("value") : variable.getValue();
        if (value != null && !value.isNull() && !(value.isTextual() && value.asText().isBlank())) {
          values.put(variable.getKey(), value);
        }
      }
    }
    return values;
  }

  private boolean startsThisProcess(Matcher start) {
    if (start.group("key") != null) {
      return processKey.equals(start.group("key"));
    }
    try {
      return processKey.equals(system.call(() -> repositoryService.getProcessDefinition(start.group("id")).getKey()));
    } catch (ProcessEngineException unknown) {
      return false; // the engine answers for an unknown definition
    }
  }

  private String latestDefinitionId() {
    return forms.latestDefinitionId(processKey, null).orElse(null);
  }

  /** The start form, to name refused fields by their labels; null when it cannot be read. */
  private CamundaForm startForm(Matcher start) {
    String definitionId = start.group("id") != null ? start.group("id") : latestDefinitionId();
    return definitionId == null ? null : forms.startForm(definitionId).orElse(null);
  }
}
