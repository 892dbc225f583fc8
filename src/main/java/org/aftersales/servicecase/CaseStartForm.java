package org.aftersales.servicecase;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiErrors;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.api.StrictJson;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.DeployedForms;
import org.aftersales.forms.FormViolation;
import org.aftersales.forms.StartFormIntake;
import org.aftersales.identity.StaffGroup;
import org.aftersales.security.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;

/**
 * "Open a case" in Tasklist's <em>Start process</em>: the start form of {@code service-request}
 * goes through the same intake as {@code POST /api/cases} (the same strict reading and
 * validation, the case row and its number {@code AS-<year>-<6 digits>} in one transaction with the
 * process start, the same SLA clock). Every other start of {@code service-request} through
 * engine-rest or the webapps takes this path too, so no case runs without its row.
 */
public class CaseStartForm extends StartFormIntake {

  /** Who opens cases in Tasklist: the service desk and sales. */
  static final List<String> OPENERS = List.of(StaffGroup.CUSTOMER_SERVICE.id(), StaffGroup.SALES.id());
  /** Form field (process variable) to the request's field, as {@code POST /api/cases} names it. */
  static final Map<String, String> FIELDS = fields();

  private final CaseIntake intake;
  private final ObjectMapper strict;

  public CaseStartForm(CaseIntake intake, RepositoryService repositoryService, IdentityService identityService,
      SystemAuthority system, ObjectMapper mapper, DeployedForms forms) {
    super(ServiceRequestVariables.PROCESS_KEY, repositoryService, identityService, system, forms);
    this.intake = intake;
    this.strict = StrictJson.strict(mapper);
  }

  @Override
  protected boolean mayStart(Caller caller) {
    return caller.groupIds().stream().anyMatch(OPENERS::contains);
  }

  @Override
  protected String refusal() {
    return "Only the service desk and sales open cases";
  }

  @Override
  protected Started start(Map<String, JsonNode> values, Caller caller) throws IOException {
    try {
      NewCaseRequest request = strict.treeToValue(requestOf(values), NewCaseRequest.class);
      CaseIntake.OpenedCase opened = intake.open(request, caller.userId());
      return new Started(opened.processInstanceId(), opened.caseNumber());
    } catch (JsonMappingException e) {
      throw refused(List.of(ApiErrors.fieldProblem(e)));
    } catch (ApiException e) {
      throw refused(e.fields().isEmpty() ? List.of(new FieldProblem("body", e.getMessage())) : e.fields());
    }
  }

  /** The form's values as {@code POST /api/cases} takes a case. */
  static JsonNode requestOf(Map<String, JsonNode> values) {
    ObjectNode request = new ObjectMapper().createObjectNode();
    values.forEach((name, value) -> {
      String target = FIELDS.getOrDefault(name, name);
      ObjectNode parent = request;
      int dot = target.indexOf('.');
      if (dot > 0) {
        String group = target.substring(0, dot);
        parent = request.has(group) ? (ObjectNode) request.get(group) : request.putObject(group);
        target = target.substring(dot + 1);
      }
      parent.set(target, value);
    });
    return request;
  }

  /** The API's problems named by the form's fields. */
  private static Refused refused(List<FieldProblem> problems) {
    Map<String, String> formKeys = new LinkedHashMap<>();
    FIELDS.forEach((formKey, field) -> formKeys.put(field, formKey));
    return new Refused(problems.stream()
        .map(p -> new FormViolation(formKeys.getOrDefault(p.field(), p.field()), "accepted", p.message())).toList());
  }

  private static Map<String, String> fields() {
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put(ServiceRequestVariables.CUSTOMER_ID, "customer.id");
    fields.put(ServiceRequestVariables.CUSTOMER_NAME, "customer.name");
    fields.put(ServiceRequestVariables.CUSTOMER_CONTACT, "customer.contact");
    fields.put(ServiceRequestVariables.CUSTOMER_LANGUAGE, "customer.language");
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
