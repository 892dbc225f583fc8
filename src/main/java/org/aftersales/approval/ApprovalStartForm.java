package org.aftersales.approval;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.aftersales.api.StrictJson;
import org.aftersales.common.EngineTime;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.DeployedForms;
import org.aftersales.forms.FormViolation;
import org.aftersales.forms.StartFormIntake;
import org.aftersales.identity.StaffGroup;
import org.aftersales.security.Caller;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;

/**
 * "Request an approval" in Tasklist's <em>Start process</em>: any staff member starts a generic
 * OA approval (title, amount, currency, department, what and why) with themselves as requester.
 * The form's fields only, checked here for every start of {@code approval} by staff: the subject
 * type, the requester and the route are the application's, not the caller's.
 */
public class ApprovalStartForm extends StartFormIntake {

  static final Set<String> CURRENCIES = Set.of("CNY", "USD", "EUR");
  static final Set<String> DEPARTMENTS = Set.of("service", "sales", "logistics", "finance", "rnd", "qa");
  static final Set<String> FIELDS = Set.of("title", "amount", "currency", "department", "summary");
  static final int MAX_TITLE = 200;
  static final int MAX_DETAILS = 3500;
  /** At most 13 digits before the point and 2 after: the approval records' and postings' money columns. */
  static final BigDecimal MAX_AMOUNT = new BigDecimal("9999999999999.99");

  private final RuntimeService runtimeService;
  private final SystemAuthority system;

  public ApprovalStartForm(RuntimeService runtimeService, RepositoryService repositoryService,
      IdentityService identityService, SystemAuthority system, DeployedForms forms) {
    super(ApprovalVariables.PROCESS_KEY, repositoryService, identityService, system, forms);
    this.runtimeService = runtimeService;
    this.system = system;
  }

  @Override
  protected boolean mayStart(Caller caller) {
    return caller.groupIds().stream().anyMatch(StaffGroup.ids()::contains);
  }

  @Override
  protected String refusal() {
    return "Only staff request approvals";
  }

  /** Administrators may start an approval for a case with its variables (integrations, tests). */
  @Override
  protected boolean passesAdministrators() {
    return true;
  }

  @Override
  protected Started start(Map<String, JsonNode> values, Caller caller) {
    List<FormViolation> problems = new ArrayList<>();
    values.keySet().stream().filter(name -> !FIELDS.contains(name)).sorted()
        .forEach(name -> problems.add(new FormViolation(name, "unknown", "is not a field of this form")));
    String title = text(values, "title", MAX_TITLE, true, problems);
    String details = text(values, "summary", MAX_DETAILS, false, problems);
    String currency = choice(values, "currency", CURRENCIES, problems);
    String department = choice(values, "department", DEPARTMENTS, problems);
    BigDecimal amount = amount(values.get("amount"), problems);
    if (!problems.isEmpty()) {
      throw new Refused(problems);
    }
    Map<String, Object> variables = new HashMap<>();
    variables.put(ApprovalVariables.SUBJECT_TYPE, "generic");
    variables.put(ApprovalVariables.REQUESTER, caller.userId());
    variables.put(ApprovalVariables.AMOUNT, amount.doubleValue());
    variables.put(ApprovalVariables.CURRENCY, currency);
    variables.put(ApprovalVariables.DEPARTMENT, department);
    // The title is the summary's first line: task names and lists show it, the approver reads it all.
    variables.put(ApprovalVariables.SUMMARY, details == null ? title : title + "\n" + details);
    String key = "OA-" + LocalDate.ofInstant(EngineTime.now(), java.time.ZoneOffset.UTC).getYear() + "-"
        + UUID.randomUUID().toString().substring(0, 8).toUpperCase();
    String id = system.call(() -> runtimeService.startProcessInstanceByKey(ApprovalVariables.PROCESS_KEY, key,
        variables).getId());
    return new Started(id, key);
  }

  private static String text(Map<String, JsonNode> values, String name, int max, boolean required,
      List<FormViolation> problems) {
    JsonNode value = values.get(name);
    if (value == null) {
      if (required) {
        problems.add(new FormViolation(name, "required", "is required"));
      }
      return null;
    }
    String text = value.isTextual() ? value.asText().strip() : null;
    if (text == null) {
      problems.add(new FormViolation(name, "type", "must be text"));
    } else if (text.length() > max) {
      problems.add(new FormViolation(name, "maxLength", "must be at most " + max + " characters"));
    } else if (StrictJson.firstControl(text) >= 0) {
      problems.add(new FormViolation(name, "accepted", "must not contain control characters"));
    } else {
      return text;
    }
    return null;
  }

  private static String choice(Map<String, JsonNode> values, String name, Set<String> options,
      List<FormViolation> problems) {
    JsonNode value = values.get(name);
    if (value == null) {
      problems.add(new FormViolation(name, "required", "is required"));
      return null;
    }
    if (!value.isTextual() || !options.contains(value.asText())) {
      problems.add(new FormViolation(name, "options", "must be one of " + String.join(", ", options.stream()
          .sorted().toList())));
      return null;
    }
    return value.asText();
  }

  private static BigDecimal amount(JsonNode value, List<FormViolation> problems) {
    if (value == null) {
      problems.add(new FormViolation("amount", "required", "is required"));
      return null;
    }
    if (!value.isNumber()) {
      problems.add(new FormViolation("amount", "type", "must be a number"));
      return null;
    }
    BigDecimal amount = value.decimalValue();
    if (amount.signum() < 0 || amount.compareTo(MAX_AMOUNT) > 0 || amount.stripTrailingZeros().scale() > 2) {
      problems.add(new FormViolation("amount", "accepted", "must be between 0 and " + MAX_AMOUNT.toPlainString()
          + " with at most 2 decimals"));
      return null;
    }
    return amount;
  }
}
