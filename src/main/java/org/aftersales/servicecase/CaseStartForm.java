package org.aftersales.servicecase;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
import org.aftersales.api.ApiErrors;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.api.StrictJson;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.CamundaForm;
import org.aftersales.forms.DeployedForms;
import org.aftersales.forms.FormErrors;
import org.aftersales.forms.FormViolation;
import org.aftersales.identity.StaffGroup;
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
 * "Open a case" in Tasklist's <em>Start process</em>: the start form of {@code service-request}
 * goes through the same intake as {@code POST /api/cases} (the same strict reading and
 * validation, the case row and its number {@code AS-<year>-<6 digits>} in one transaction with the
 * process start, the same SLA clock). Every other way of starting {@code service-request} through
 * engine-rest or the webapps ({@code start}, {@code submit-form}, by id or key) takes this path too,
 * so no case runs without its row. The answer is engine-rest's: the started instance, or a 400
 * naming the form's fields.
 */
public class CaseStartForm extends OncePerRequestFilter {

  private static final Logger LOG = LoggerFactory.getLogger(CaseStartForm.class);
  private static final ObjectMapper PLAIN = new ObjectMapper();
  private static final Pattern START = Pattern.compile("^(?:/camunda/api/engine/engine/[^/]+|/engine-rest(?:/engine/[^/]+)?)"
      + "/process-definition/(?:key/(?<key>[^/]+)(?:/tenant-id/[^/]+)?|(?<id>(?!key/)[^/]+))/(?:start|submit-form)/?$");
  /** Who opens cases in Tasklist: the service desk and sales. */
  static final List<String> OPENERS = List.of(StaffGroup.CUSTOMER_SERVICE.id(), StaffGroup.SALES.id());
  /** Form field (process variable) to the request's field, as {@code POST /api/cases} names it. */
  static final Map<String, String> FIELDS = fields();

  private final CaseIntake intake;
  private final RepositoryService repositoryService;
  private final IdentityService identityService;
  private final SystemAuthority system;
  private final ObjectMapper strict;
  private final DeployedForms forms;

  public CaseStartForm(CaseIntake intake, RepositoryService repositoryService, IdentityService identityService,
      SystemAuthority system, ObjectMapper mapper, DeployedForms forms) {
    this.forms = forms;
    this.intake = intake;
    this.repositoryService = repositoryService;
    this.identityService = identityService;
    this.system = system;
    this.strict = StrictJson.strict(mapper);
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Matcher start = START.matcher(RequestPaths.of(request));
    if (!"POST".equals(request.getMethod()) || !start.matches() || !startsCases(start)) {
      chain.doFilter(request, response);
      return;
    }
    Optional<Caller> caller = Caller.of(request, identityService);
    if (caller.isEmpty()) {
      chain.doFilter(request, response); // not logged in: the engine answers 401
      return;
    }
    if (!caller.get().isAdmin() && caller.get().groupIds().stream().noneMatch(OPENERS::contains)) {
      JsonErrors.write(response, HttpServletResponse.SC_FORBIDDEN, "AuthorizationException",
          "Only the service desk and sales open cases");
      return;
    }
    CaseIntake.OpenedCase opened;
    try {
      NewCaseRequest newCase = strict.treeToValue(requestOf(request.getInputStream().readAllBytes()),
          NewCaseRequest.class);
      opened = caller.get().run(identityService, () -> intake.open(newCase, caller.get().userId()));
    } catch (JsonMappingException e) {
      refuse(response, List.of(ApiErrors.fieldProblem(e)), startForm(start));
      return;
    } catch (ApiException e) {
      refuse(response, e.fields().isEmpty() ? List.of(new FieldProblem("body", e.getMessage())) : e.fields(),
          startForm(start));
      return;
    }
    Map<String, Object> instance = new LinkedHashMap<>();
    instance.put("id", opened.processInstanceId());
    instance.put("definitionId", system.call(() -> repositoryService.createProcessDefinitionQuery()
        .processDefinitionKey(ServiceRequestVariables.PROCESS_KEY).latestVersion().singleResult().getId()));
    instance.put("businessKey", opened.caseNumber());
    instance.put("caseInstanceId", null);
    instance.put("ended", false);
    instance.put("suspended", false);
    instance.put("tenantId", null);
    instance.put("links", List.of());
    response.setStatus(HttpServletResponse.SC_OK);
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    PLAIN.writeValue(response.getOutputStream(), instance);
  }

  private boolean startsCases(Matcher start) {
    if (start.group("key") != null) {
      return ServiceRequestVariables.PROCESS_KEY.equals(start.group("key"));
    }
    try {
      return ServiceRequestVariables.PROCESS_KEY.equals(
          system.call(() -> repositoryService.getProcessDefinition(start.group("id")).getKey()));
    } catch (ProcessEngineException unknown) {
      return false; // the engine answers for an unknown definition
    }
  }

  /** The form's variables ({@code {"variables": {name: {"value": …}}}}) as {@code POST /api/cases} takes a case. */
  static JsonNode requestOf(byte[] body) throws IOException {
    JsonNode json = body.length == 0 ? null : PLAIN.readTree(body);
    JsonNode variables = json == null ? null : json.get("variables");
    ObjectNode request = PLAIN.createObjectNode();
    if (variables == null || !variables.isObject()) {
      return request;
    }
    for (var variable : variables.properties()) {
      String target = FIELDS.getOrDefault(variable.getKey(), variable.getKey());
      JsonNode value = variable.getValue().isObject() ? variable.getValue().get("value") : variable.getValue();
      if (value == null || value.isNull() || value.isTextual() && value.asText().isBlank()) {
        continue; // an empty field of the form: not given
      }
      ObjectNode parent = request;
      int dot = target.indexOf('.');
      if (dot > 0) {
        parent = request.has(target.substring(0, dot)) ? (ObjectNode) request.get(target.substring(0, dot))
            : request.putObject(target.substring(0, dot));
        target = target.substring(dot + 1);
      }
      parent.set(target, value);
    }
    return request;
  }

  /** The start form, to name refused fields by their labels; null when it cannot be read. */
  private CamundaForm startForm(Matcher start) {
    String definitionId = start.group("id") != null ? start.group("id")
        : forms.latestDefinitionId(ServiceRequestVariables.PROCESS_KEY, null).orElse(null);
    return definitionId == null ? null : forms.startForm(definitionId).orElse(null);
  }

  private static void refuse(HttpServletResponse response, List<FieldProblem> problems, CamundaForm form)
      throws IOException {
    Map<String, String> formKeys = new LinkedHashMap<>();
    FIELDS.forEach((formKey, field) -> formKeys.put(field, formKey));
    List<FormViolation> violations = problems.stream()
        .map(p -> new FormViolation(formKeys.getOrDefault(p.field(), p.field()), "accepted", p.message())).toList();
    LOG.info("Refused to open a case from the start form: {}", violations);
    FormErrors.write(response, violations, form);
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(ServiceRequestVariables.CUSTOMER_ID, "customer.id");
    fields.put(ServiceRequestVariables.CUSTOMER_NAME, "customer.name");
    fields.put(ServiceRequestVariables.CUSTOMER_CONTACT, "customer.contact");
    fields.put(ServiceRequestVariables.CUSTOMER_CITY, "customer.city");
    fields.put(ServiceRequestVariables.CITY_TIER, "customer.cityTier");
    fields.put(ServiceRequestVariables.CONTRACT_LEVEL, "customer.contractLevel");
    fields.put(ServiceRequestVariables.PRODUCT_SKU, "product.sku");
    fields.put(ServiceRequestVariables.PRODUCT_LINE, "product.productLine");
    fields.put(ServiceRequestVariables.SERIAL_NUMBER, "product.serialNumber");
    fields.put(ServiceRequestVariables.PURCHASE_DATE, "product.purchaseDate");
    return Map.copyOf(fields);
  }
}
