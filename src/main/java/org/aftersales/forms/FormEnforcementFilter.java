package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.Languages;
import org.aftersales.security.Caller;
import org.aftersales.security.EngineRequestGuard;
import org.aftersales.security.JsonErrors;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.IdentityService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Checks task completions and form submissions against the deployed Camunda Form before the
 * engine sees them, on {@code /engine-rest} and on Tasklist's engine API
 * ({@code /camunda/api/engine/engine/{name}}): a violation answers 400 naming every field and
 * rule, and the request goes no further. Tasks and start events without a Camunda Form pass.
 */
public class FormEnforcementFilter extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(FormEnforcementFilter.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String PREFIX = "^(?<webapp>/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)";
  private static final Pattern TASK = Pattern.compile(PREFIX + "/task/(?<id>[^/]+)/(?:complete|submit-form)/?$");
  private static final Pattern START_BY_ID = Pattern.compile(
      PREFIX + "/process-definition/(?<id>(?!key/)[^/]+)/submit-form/?$");
  private static final Pattern START_BY_KEY = Pattern.compile(
      PREFIX + "/process-definition/key/(?<key>[^/]+)(?:/tenant-id/(?<tenant>[^/]+))?/submit-form/?$");

  private static final Pattern TASK_VARIABLES = Pattern.compile(
      PREFIX + "/task/(?<id>[^/]+)/(?:variables|localVariables)(?:/.*)?$");
  private static final java.util.Set<String> WRITES = java.util.Set.of("POST", "PUT", "DELETE");

  private final DeployedForms forms;
  private final IdentityService identityService;
  /** Where Tasklist's browsers may show stored dates: the service zone first. */
  private final List<ZoneId> zones;

  public FormEnforcementFilter(DeployedForms forms, IdentityService identityService, ZoneId serviceZone) {
    this.forms = forms;
    this.identityService = identityService;
    this.zones = List.of(serviceZone, ZoneId.systemDefault(), ZoneOffset.UTC);
  }

  /** What a request submits: a task's form or a process definition's start form, or nothing we check. */
  record Target(String taskId, String processDefinitionId, String processDefinitionKey, String tenantId,
      boolean webapp) {
  }

  static Optional<Target> target(String method, String path) {
    if (!"POST".equals(method)) {
      return Optional.empty();
    }
    Matcher task = TASK.matcher(path);
    if (task.matches()) {
      return Optional.of(new Target(task.group("id"), null, null, null, isWebapp(task)));
    }
    Matcher byKey = START_BY_KEY.matcher(path);
    if (byKey.matches()) {
      return Optional.of(new Target(null, null, byKey.group("key"), byKey.group("tenant"), isWebapp(byKey)));
    }
    Matcher byId = START_BY_ID.matcher(path);
    if (byId.matches()) {
      return Optional.of(new Target(null, byId.group("id"), null, null, isWebapp(byId)));
    }
    return Optional.empty();
  }

  /** The task whose variables a request writes ({@code /task/{id}/variables|localVariables...}), if any. */
  static Optional<String> taskVariableWrite(String method, String path) {
    if (!WRITES.contains(method)) {
      return Optional.empty();
    }
    Matcher matcher = TASK_VARIABLES.matcher(path);
    return matcher.matches() ? Optional.of(matcher.group("id")) : Optional.empty();
  }

  private static boolean isWebapp(Matcher matcher) {
    return matcher.group("webapp").startsWith("/camunda/");
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    Optional<String> variableWrite = taskVariableWrite(request.getMethod(), path);
    if (variableWrite.isPresent() && forms.taskForm(variableWrite.get()).isPresent() && callerMaySubmit(request, path,
        new Target(variableWrite.get(), null, null, null, path.startsWith("/camunda/")))) {
      // A form's fields change only through the form: else a required or read-only field could be
      // set or cleared beside it, and the completion would then pass the checks unchanged.
      LOG.info("Refused {} {}: task variables of a form task change through the form", request.getMethod(), path);
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "This task's values change only through its form (submit-form or complete)");
      return;
    }
    Optional<Target> target = target(request.getMethod(), path);
    if (target.isEmpty() || !callerMaySubmit(request, path, target.get())) {
      chain.doFilter(request, response); // the engine answers 401, 403 or 404 itself
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    HttpServletRequest passOn = new EngineRequestGuard.CachedBodyRequest(request, body);
    JsonNode json = parse(body);
    if (json == null && body.length > 0) {
      chain.doFilter(passOn, response); // not JSON: the engine answers that itself
      return;
    }
    Optional<CamundaForm> form = formOf(target.get());
    List<FormViolation> violations = form
        .map(f -> FormValidator.validate(f, SubmittedVariables.fromBody(json),
            target.get().taskId() == null ? Map.of() : forms.taskVariables(target.get().taskId()), zones))
        .orElse(List.of());
    if (violations.isEmpty()) {
      boolean taskForm = form.isPresent() && target.get().taskId() != null;
      chain.doFilter(taskForm ? withoutShownValues(passOn, json, form.get()) : passOn, response);
      return;
    }
    LOG.info("Refused {} {}: {}", request.getMethod(), path, violations);
    FormErrors.write(response, violations, form.get(), Languages.requested(request));
  }

  /**
   * The submission without its read-only and disabled fields. They passed the check, so they hold
   * the task's own values, only in the browser's format: Tasklist sends a stored date back as a
   * text ({@code 2026-12-04T10:26:29}) and a number stored as text back as a number. Stored as
   * sent, they would change the variables' types; left out, the variables stay as they are.
   */
  static HttpServletRequest withoutShownValues(HttpServletRequest request, JsonNode body, CamundaForm form) {
    if (body == null || !(body.get("variables") instanceof ObjectNode variables)) {
      return request;
    }
    List<String> shown = form.fields().stream().filter(f -> f.readonly() || f.disabled()).map(FormField::key)
        .filter(variables::has).toList();
    if (shown.isEmpty()) {
      return request;
    }
    ObjectNode copy = body.deepCopy();
    ((ObjectNode) copy.get("variables")).remove(shown);
    try {
      return new EngineRequestGuard.CachedBodyRequest(request, MAPPER.writeValueAsBytes(copy));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private Optional<CamundaForm> formOf(Target target) {
    if (target.taskId() != null) {
      return forms.taskForm(target.taskId());
    }
    Optional<String> definitionId = target.processDefinitionId() != null
        ? Optional.of(target.processDefinitionId())
        : forms.latestDefinitionId(target.processDefinitionKey(), target.tenantId());
    return definitionId.flatMap(forms::startForm);
  }

  /**
   * Only a caller the engine would let complete the task (or start the process) has it checked:
   * others learn nothing about the form or the task's values.
   */
  private boolean callerMaySubmit(HttpServletRequest request, String path, Target target) {
    Supplier<Boolean> check = () -> {
      if (target.taskId() != null) {
        return forms.callerMayWorkOn(target.taskId());
      }
      String definitionId = target.processDefinitionId() != null ? target.processDefinitionId()
          : forms.latestDefinitionId(target.processDefinitionKey(), target.tenantId()).orElse(null);
      return definitionId != null && forms.callerMayStart(definitionId);
    };
    return Caller.of(request, identityService).map(caller -> caller.run(identityService, check)).orElse(false);
  }

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
}
