package org.aftersales.approval;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.SystemAuthority;
import org.aftersales.security.EngineRequestGuard;
import org.aftersales.security.JsonErrors;
import org.aftersales.security.RequestPaths;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Approval tasks take only their forms' fields through {@code /engine-rest}: completing
 * "Approve" or "Revise and resubmit" with any other variable (the step's counts, the
 * requester, the round) is refused with 400, and setting their variables outside a
 * completion with 403. The forms' read-only fields, which Tasklist sends back, are
 * dropped. Everything else passes untouched.
 */
public class ApprovalTaskGuard extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalTaskGuard.class);
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final Pattern TASK_PATH = Pattern.compile("^/engine-rest/task/([^/]+)/([A-Za-z-]+)(/.*)?$");
  private static final Set<String> COMPLETIONS = Set.of("complete", "submit-form", "resolve");
  private static final Set<String> VARIABLE_PATHS = Set.of("variables", "localVariables");
  static final Map<String, Set<String>> FORM_FIELDS = Map.of(
      ApprovalVariables.APPROVE_TASK, Set.of(ApprovalVariables.APPROVED, ApprovalVariables.DECISION,
          ApprovalVariables.COMMENT),
      ApprovalVariables.REVISE_TASK, Set.of(ApprovalVariables.REVISION, ApprovalVariables.RESUBMIT,
          ApprovalVariables.COMMENT, ApprovalVariables.AMOUNT, ApprovalVariables.SUMMARY));
  /** Read-only fields of the forms: Tasklist sends them back unchanged; they are dropped, never stored. */
  static final Set<String> DISPLAY_FIELDS = Set.of(ApprovalVariables.STEP_NAME, ApprovalVariables.SUBJECT_TYPE,
      ApprovalVariables.SUMMARY, ApprovalVariables.AMOUNT, ApprovalVariables.CURRENCY, ApprovalVariables.REQUESTER,
      ApprovalVariables.DEPARTMENT, ApprovalVariables.REGION, ApprovalVariables.LAST_REJECTION);

  private final TaskService taskService;
  private final SystemAuthority system;

  public ApprovalTaskGuard(TaskService taskService, SystemAuthority system) {
    this.taskService = taskService;
    this.system = system;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    String path = RequestPaths.of(request);
    Matcher matcher = TASK_PATH.matcher(path);
    boolean writes = !"GET".equals(request.getMethod()) && !"HEAD".equals(request.getMethod())
        && !"OPTIONS".equals(request.getMethod());
    if (!writes || !matcher.matches()
        || !(COMPLETIONS.contains(matcher.group(2)) || VARIABLE_PATHS.contains(matcher.group(2)))) {
      chain.doFilter(request, response);
      return;
    }
    Task task = approvalTask(matcher.group(1));
    if (task == null) {
      chain.doFilter(request, response);
      return;
    }
    if (VARIABLE_PATHS.contains(matcher.group(2))) {
      LOG.warn("Refused {} {}: variables of an approval task", request.getMethod(), path);
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Approval tasks take their fields only when they are completed");
      return;
    }
    byte[] body = request.getInputStream().readAllBytes();
    Set<String> allowed = FORM_FIELDS.getOrDefault(task.getTaskDefinitionKey(), Set.of());
    JsonNode json = parse(body);
    if (json != null && json.get("variables") instanceof ObjectNode variables) {
      variables.properties().removeIf(field -> DISPLAY_FIELDS.contains(field.getKey())
          && !allowed.contains(field.getKey()));
      decisionFromApproved(variables);
      body = MAPPER.writeValueAsBytes(json);
    }
    String refused = firstRefusedVariable(json, allowed);
    if (refused != null) {
      LOG.warn("Refused {} {}: variable '{}' is no field of {}", request.getMethod(), path, refused,
          task.getTaskDefinitionKey());
      JsonErrors.write(response, HttpServletResponse.SC_BAD_REQUEST, "InvalidRequestException",
          "variables." + refused + ": not a field of this task (allowed: " + String.join(", ", allowed) + ")");
      return;
    }
    chain.doFilter(new EngineRequestGuard.CachedBodyRequest(request, body), response);
  }

  private Task approvalTask(String taskId) {
    return system.call(() -> taskService.createTaskQuery().taskId(taskId)
        .processDefinitionKey(ApprovalVariables.PROCESS_KEY).singleResult());
  }

  private static JsonNode parse(byte[] body) {
    if (body.length == 0) {
      return null;
    }
    try {
      return MAPPER.readTree(body);
    } catch (IOException e) {
      return null; // the engine answers malformed JSON itself
    }
  }

  /**
   * The contract's {@code approved} (boolean) is the form's {@code decision}: integrators complete
   * an approval step with either, and the form check sees the form's own field.
   */
  static void decisionFromApproved(ObjectNode variables) {
    JsonNode approved = variables.get(ApprovalVariables.APPROVED);
    if (approved == null || variables.has(ApprovalVariables.DECISION)) {
      return;
    }
    String value = approved.isObject() ? approved.path("value").asText("") : approved.asText("");
    if (!"true".equals(value) && !"false".equals(value)) {
      return; // left as sent: the form check names it
    }
    variables.remove(ApprovalVariables.APPROVED);
    variables.putObject(ApprovalVariables.DECISION).put("value", "true".equals(value) ? "approve" : "reject")
        .put("type", "String");
  }

  private static String firstRefusedVariable(JsonNode json, Set<String> allowed) {
    JsonNode variables = json == null ? null : json.get("variables");
    if (variables == null || !variables.isObject()) {
      return null;
    }
    for (Iterator<String> names = variables.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        return name;
      }
    }
    return null;
  }
}
