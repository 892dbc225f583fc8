package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** The forms in {@code forms/} as the server reads them. */
class CamundaFormTest {

  static CamundaForm form(String name) throws IOException {
    try (InputStream in = CamundaFormTest.class.getClassLoader().getResourceAsStream("forms/" + name + ".form")) {
      assertThat(in).as(name).isNotNull();
      return CamundaForm.parse(in);
    }
  }

  @Test
  void readsEveryShippedForm() throws IOException {
    Resource[] forms = new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form");
    assertThat(forms).hasSizeGreaterThan(20);
    for (Resource resource : forms) {
      try (InputStream in = resource.getInputStream()) {
        CamundaForm form = CamundaForm.parse(in);
        assertThat(form.id()).as(resource.getFilename()).isEqualTo(resource.getFilename().replace(".form", ""));
        assertThat(form.fields()).as(resource.getFilename()).isNotEmpty()
            .allSatisfy(field -> assertThat(field.key()).isNotBlank());
      }
    }
  }

  @Test
  void readsRulesOfRealForms() throws IOException {
    CamundaForm triage = form("service-request-triage");
    assertThat(triage.field("caseNumber").readonly()).isTrue();
    assertThat(triage.field("category").required()).isTrue();
    assertThat(triage.field("category").options())
        .containsExactly("consultation", "bug", "repair", "return-exchange", "refund");
    assertThat(triage.field("triageNotes").maxLength()).isEqualTo(4000);
    assertThat(triage.field("triageNotes").options()).isNull();

    assertThat(form("repair-root-cause").field("defectCode").pattern()).isEqualTo("^[A-Z]{2,4}-[0-9]{2,4}$");
    FormField discount = form("repair-prepare-quote").field("quoteDiscountPercent");
    assertThat(discount.min()).isEqualByComparingTo(BigDecimal.ZERO);
    assertThat(discount.max()).isEqualByComparingTo(new BigDecimal(100));
    assertThat(discount.decimalDigits()).isEqualTo(2);
    FormField delivery = form("repair-assess").field("deliveryDate");
    assertThat(delivery.type()).isEqualTo("datetime");
    assertThat(delivery.subtype()).isEqualTo("date");
    assertThat(form("logistics-desk-report").fields()).anySatisfy(f -> assertThat(f.conditional()).isTrue());
    // Instructions (type text) take no input.
    assertThat(triage.fields()).noneMatch(f -> "text".equals(f.type()));
  }

  @Test
  void readsFieldsInGroupsAndSkipsDynamicOptionsAndExpressions() throws IOException {
    String json = """
        {"id": "nested", "schemaVersion": 16, "components": [
          {"type": "group", "label": "Outer", "components": [
            {"type": "group", "components": [
              {"key": "inner", "type": "textfield", "validate": {"required": true, "minLength": "3"}}]},
            {"key": "choice", "type": "select", "valuesKey": "choices"},
            {"key": "locked", "type": "number", "disabled": true, "readonly": "=someExpression"}]},
          {"key": "list", "type": "dynamiclist", "components": [{"key": "item", "type": "textfield"}]},
          {"type": "button", "key": "submit"}
        ]}
        """;
    CamundaForm form = CamundaForm.parse(json.getBytes(StandardCharsets.UTF_8));
    assertThat(form.fields()).extracting(FormField::key).containsExactly("inner", "choice", "locked");
    assertThat(form.field("inner").required()).isTrue();
    assertThat(form.field("inner").minLength()).isEqualTo(3);
    assertThat(form.field("choice").hasOptions()).isFalse();
    assertThat(form.field("locked").disabled()).isTrue();
    assertThat(form.field("locked").readonly()).as("a FEEL expression is not evaluated").isFalse();
  }

  @Test
  void refusesWhatIsNoForm() {
    assertThatThrownBy(() -> CamundaForm.parse("<html/>".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
    assertThatThrownBy(() -> CamundaForm.parse("{\"id\":\"x\"}".getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(IOException.class);
  }
}
