package org.aftersales.forms;

import static org.aftersales.forms.CamundaFormTest.form;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Each rule of form-js, checked on the server against the real forms. */
class FormValidatorTest {

  private static List<FormViolation> check(String form, Map<String, ?> submitted, Map<String, ?> current)
      throws Exception {
    return FormValidator.validate(form(form), submitted, current);
  }

  private static Map<String, Object> map(Object... pairs) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      map.put((String) pairs[i], pairs[i + 1]);
    }
    return map;
  }

  @Test
  void acceptsAValidSubmission() throws Exception {
    assertThat(check("service-request-triage", map("category", "bug", "triageNotes", "ok"), Map.of())).isEmpty();
  }

  @Test
  void required() throws Exception {
    assertThat(check("service-request-triage", Map.of(), Map.of()))
        .containsExactly(new FormViolation("category", "required", "is required"));
    assertThat(check("service-request-triage", map("category", ""), Map.of()))
        .extracting(FormViolation::rule).containsExactly("required");
    assertThat(check("service-request-triage", map("category", null), Map.of()))
        .extracting(FormViolation::rule).containsExactly("required");
    // Already set on the task and not resent: fine; resent empty: it would clear it.
    assertThat(check("service-request-triage", Map.of(), map("category", "bug"))).isEmpty();
    assertThat(check("service-request-triage", map("category", ""), map("category", "bug")))
        .extracting(FormViolation::rule).containsExactly("required");
  }

  @Test
  void optionsOfSelectAndRadio() throws Exception {
    assertThat(check("service-request-triage", map("category", "hardware"), Map.of()))
        .extracting(FormViolation::field, FormViolation::rule).containsExactly(
            org.assertj.core.groups.Tuple.tuple("category", "options"));
    assertThat(check("approval-decide", map("decision", "maybe"), Map.of()))
        .extracting(FormViolation::rule).containsExactly("options");
    assertThat(check("approval-decide", map("decision", "approve"), Map.of())).isEmpty();
    assertThat(check("approval-decide", map("decision", List.of("approve")), Map.of()))
        .extracting(FormViolation::rule).containsExactly("type");
  }

  @Test
  void textTypeAndLength() throws Exception {
    assertThat(check("service-request-triage", map("category", "bug", "triageNotes", "x".repeat(4001)), Map.of()))
        .containsExactly(new FormViolation("triageNotes", "maxLength", "must have at most 4000 characters"));
    assertThat(check("service-request-triage", map("category", "bug", "triageNotes", "x".repeat(4000)), Map.of()))
        .isEmpty();
    assertThat(check("service-request-triage", map("category", "bug", "triageNotes", 42), Map.of()))
        .extracting(FormViolation::rule).containsExactly("type");
  }

  @Test
  void minLengthPatternEmailAndPhone() throws Exception {
    CamundaForm form = CamundaForm.parse("""
        {"id": "f", "components": [
          {"key": "code", "type": "textfield", "validate": {"minLength": 3, "pattern": "^[A-Z]+$"}},
          {"key": "mail", "type": "textfield", "validate": {"validationType": "email"}},
          {"key": "phone", "type": "textfield", "validate": {"validationType": "phone"}}]}
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(FormValidator.validate(form, map("code", "ab"), Map.of()))
        .extracting(FormViolation::rule).containsExactly("minLength", "pattern");
    assertThat(FormValidator.validate(form, map("mail", "nobody", "phone", "call me"), Map.of()))
        .extracting(FormViolation::rule).containsExactly("email", "phone");
    assertThat(FormValidator.validate(form, map("code", "ABC", "mail", "a.b@example.com", "phone", "+8613800138000"),
        Map.of())).isEmpty();
  }

  @Test
  void patternOfARealForm() throws Exception {
    Map<String, Object> valid = map("rootCause", "design", "defectCode", "PWR-012");
    List<FormViolation> wrong = check("repair-root-cause", map("defectCode", "power"), Map.of());
    assertThat(wrong).contains(new FormViolation("defectCode", "pattern", "must match the pattern ^[A-Z]{2,4}-[0-9]{2,4}$"));
    assertThat(check("repair-root-cause", valid, Map.of())).noneMatch(v -> v.field().equals("defectCode"));
  }

  @Test
  void numbersMinMaxAndDecimalDigits() throws Exception {
    Map<String, Object> base = map("quoteListPrice", new BigDecimal("120.50"), "quoteCurrency", "CNY");
    assertThat(check("repair-prepare-quote", base, Map.of()))
        .noneMatch(v -> List.of("quoteListPrice", "quoteDiscountPercent", "quoteCurrency").contains(v.field()));
    base.put("quoteListPrice", "a lot");
    base.put("quoteDiscountPercent", 101);
    assertThat(check("repair-prepare-quote", base, Map.of()))
        .contains(new FormViolation("quoteListPrice", "type", "must be a number"),
            new FormViolation("quoteDiscountPercent", "max", "must be at most 100"));
    base.put("quoteListPrice", -1);
    base.put("quoteDiscountPercent", 12.345);
    assertThat(check("repair-prepare-quote", base, Map.of()))
        .contains(new FormViolation("quoteListPrice", "min", "must be at least 0"),
            new FormViolation("quoteDiscountPercent", "decimalDigits", "must have at most 2 decimal digits"));
  }

  @Test
  void checkboxAndDates() throws Exception {
    assertThat(check("repair-qa-check", map("qaPassed", "yes"), Map.of()))
        .contains(new FormViolation("qaPassed", "type", "must be true or false"));
    assertThat(check("repair-qa-check", map("qaPassed", true), Map.of())).noneMatch(v -> v.field().equals("qaPassed"));
    assertThat(check("repair-assess", map("deliveryDate", "01/03/2026"), Map.of()))
        .contains(new FormViolation("deliveryDate", "type", "must be a date (yyyy-MM-dd)"));
    assertThat(check("repair-assess", map("deliveryDate", "2026-03-01"), Map.of()))
        .noneMatch(v -> v.field().equals("deliveryDate"));
    assertThat(check("repair-assess", map("deliveryDate", new Date()), Map.of()))
        .noneMatch(v -> v.field().equals("deliveryDate"));
  }

  @Test
  void listsAndTimes() throws Exception {
    CamundaForm form = CamundaForm.parse("""
        {"id": "f", "components": [
          {"key": "parts", "type": "checklist", "values": [{"label": "A", "value": "a"}, {"label": "B", "value": "b"}]},
          {"key": "at", "type": "datetime", "subtype": "time"},
          {"key": "when", "type": "datetime", "subtype": "datetime"}]}
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(FormValidator.validate(form, map("parts", List.of("a", "c"), "at", "25:00", "when", "tomorrow"),
        Map.of())).extracting(FormViolation::rule).containsExactly("options", "type", "type");
    assertThat(FormValidator.validate(form, map("parts", "a"), Map.of())).extracting(FormViolation::rule)
        .containsExactly("type");
    assertThat(FormValidator.validate(form, map("parts", List.of("a", "b"), "at", "09:30",
        "when", "2026-03-01T09:30+08:00"), Map.of())).isEmpty();
  }

  @Test
  void readOnlyAndDisabledFieldsMayBeResentUnchangedOnly() throws Exception {
    Map<String, Object> current = map("caseNumber", "AS-2026-000001", "category", "bug");
    assertThat(check("service-request-triage", map("caseNumber", "AS-2026-000001"), current)).isEmpty();
    assertThat(check("service-request-triage", map("caseNumber", "AS-2026-999999"), current))
        .containsExactly(new FormViolation("caseNumber", "readonly", "is read-only and cannot be changed"));
    // Tasklist resends a number as it read it, maybe as another Java type.
    assertThat(check("approval-decide", map("decision", "approve", "amount", new BigDecimal("1500.00")),
        map("amount", 1500L))).isEmpty();
    CamundaForm form = CamundaForm.parse("""
        {"id": "f", "components": [{"key": "owner", "type": "textfield", "disabled": true}]}
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(FormValidator.validate(form, map("owner", "mallory"), map("owner", "alice")))
        .extracting(FormViolation::rule).containsExactly("disabled");
    assertThat(FormValidator.validate(form, map("owner", ""), Map.of())).isEmpty();
  }

  @Test
  void conditionallyHiddenFieldsAreNotRequiredButStillChecked() throws Exception {
    CamundaForm form = CamundaForm.parse("""
        {"id": "f", "components": [{"key": "reason", "type": "textfield", "conditional": {"hide": "=ok"},
          "validate": {"required": true, "maxLength": 3}}]}
        """.getBytes(StandardCharsets.UTF_8));
    assertThat(FormValidator.validate(form, Map.of(), Map.of())).isEmpty();
    assertThat(FormValidator.validate(form, map("reason", "too long"), Map.of()))
        .extracting(FormViolation::rule).containsExactly("maxLength");
  }

  @Test
  void readsEngineRestVariables() throws Exception {
    var body = new ObjectMapper().readTree("""
        {"variables": {
          "s": {"value": "text", "type": "String"}, "n": {"value": 12.5, "type": "Double"},
          "i": {"value": "7", "type": "Integer"}, "b": {"value": true, "type": "Boolean"},
          "d": {"value": "2026-03-01T00:00:00.000+0800", "type": "Date"},
          "j": {"value": "[\\"a\\",\\"b\\"]", "type": "Json"}, "x": {"value": null, "type": "Null"},
          "u": {"value": 3}}}
        """);
    Map<String, Object> values = SubmittedVariables.fromBody(body);
    assertThat(values.get("s")).isEqualTo("text");
    assertThat(values.get("n")).isEqualTo(new BigDecimal("12.5"));
    assertThat(values.get("i")).isEqualTo(new BigDecimal("7"));
    assertThat(values.get("b")).isEqualTo(true);
    assertThat(values.get("d")).isInstanceOf(Date.class);
    assertThat(values.get("j")).isEqualTo(List.of("a", "b"));
    assertThat(values).containsKey("x");
    assertThat(values.get("x")).isNull();
    assertThat(values.get("u")).isEqualTo(new BigDecimal("3"));
    assertThat(SubmittedVariables.fromBody(null)).isEmpty();
  }
}
