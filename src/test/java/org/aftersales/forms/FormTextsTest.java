package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every text of every shipped form exists in English (as the .form says it) and in Chinese, and
 * localising a form changes its texts and nothing else (issue 15: one form per task).
 */
class FormTextsTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();
  static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  static List<JsonNode> shippedForms() throws IOException {
    List<JsonNode> forms = new ArrayList<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:forms/*.form")) {
      try (InputStream in = resource.getInputStream()) {
        forms.add(MAPPER.readTree(in));
      }
    }
    assertThat(forms).hasSizeGreaterThan(20);
    return forms;
  }

  /** Every text people read in a form, by bundle key, as the form holds it. */
  static Map<String, String> texts(JsonNode form) {
    Map<String, String> texts = new LinkedHashMap<>();
    collect(form.path("id").asText(), form.path("components"), texts);
    return texts;
  }

  private static void collect(String formId, JsonNode components, Map<String, String> texts) {
    for (JsonNode component : components) {
      String ident = FormTexts.ident(component);
      for (String property : FormTexts.TEXT_PROPERTIES) {
        if (component.path(property).isTextual()) {
          String key = formId + "." + ident + "." + property;
          assertThat(texts).as("two components of %s are named %s", formId, ident).doesNotContainKey(key);
          texts.put(key, component.path(property).asText());
        }
      }
      for (JsonNode option : component.path("values")) {
        texts.put(formId + "." + ident + ".option." + option.path("value").asText(), option.path("label").asText());
      }
      collect(formId, component.path("components"), texts);
    }
  }

  @Test
  void bundlesHoldEveryTextOfEveryFormInBothLanguages() throws IOException {
    Set<String> all = new TreeSet<>();
    for (JsonNode form : shippedForms()) {
      Map<String, String> texts = texts(form);
      all.addAll(texts.keySet());
      texts.forEach((key, english) -> {
        assertThat(FormTexts.bundle(Language.EN).get(key)).as("forms_en.properties " + key).isEqualTo(english);
        assertThat(FormTexts.bundle(Language.ZH_CN).get(key)).as("forms_zh_CN.properties " + key).isNotBlank()
            .containsPattern(CHINESE);
      });
    }
    assertThat(FormTexts.bundle(Language.EN).keys()).as("keys of no form in forms_en.properties").isEqualTo(all);
    assertThat(FormTexts.bundle(Language.ZH_CN).keys()).as("keys of no form in forms_zh_CN.properties")
        .isEqualTo(all);
  }

  @Test
  void localisingChangesTextsOnlyNeverKeysValuesIdsOrValidation() throws IOException {
    for (JsonNode form : shippedForms()) {
      JsonNode chinese = FormTexts.localise(form, Language.ZH_CN);
      assertThat(withoutTexts(chinese)).as(form.path("id").asText()).isEqualTo(withoutTexts(form));
      texts(chinese).forEach((key, text) -> assertThat(text).as(key).containsPattern(CHINESE));
      assertThat(form).as("the deployed form itself is not changed").isEqualTo(MAPPER.readTree(form.toString()));
      CamundaForm checked = CamundaForm.parse(form);
      CamundaForm shown = CamundaForm.parse(chinese);
      assertThat(shown.id()).isEqualTo(checked.id());
      assertThat(shown.fields()).hasSameSizeAs(checked.fields());
      for (int i = 0; i < checked.fields().size(); i++) {
        FormField a = checked.fields().get(i);
        FormField b = shown.fields().get(i);
        assertThat(new FormField(b.key(), b.type(), b.subtype(), b.required(), b.min(), b.max(), b.minLength(),
            b.maxLength(), b.pattern(), b.validationType(), b.readonly(), b.disabled(), b.options(), b.conditional(),
            b.decimalDigits(), a.label())).as(a.key()).isEqualTo(a);
      }
      assertThat(FormTexts.localise(form, Language.EN)).isEqualTo(form);
    }
  }

  @Test
  void aFormDeployedLaterOrChangedInModelerShowsItsOwnTexts() throws IOException {
    JsonNode triage = shippedForms().stream().filter(f -> f.path("id").asText().equals("service-request-triage"))
        .findFirst().orElseThrow();
    ObjectNode changed = triage.deepCopy();
    ((ObjectNode) find(changed, "category")).put("label", "Kind of request");
    JsonNode shown = FormTexts.localise(changed, Language.ZH_CN);
    assertThat(find(shown, "category").path("label").asText()).isEqualTo("Kind of request");
    assertThat(find(shown, "caseNumber").path("label").asText()).isEqualTo("工单号");
    assertThat(find(shown, "category").path("values").get(1).path("label").asText()).isEqualTo("软件缺陷");

    ObjectNode other = triage.deepCopy();
    other.put("id", "admins-own-form");
    assertThat(FormTexts.localise(other, Language.ZH_CN)).isEqualTo(other);
  }

  @Test
  void theRefusalNamesFieldsByTheirChineseLabelWithAChineseMessage() throws IOException {
    CamundaForm triage = CamundaFormTest.form("service-request-triage");
    List<FormViolation> violations = FormValidator.validate(triage, Map.of("category", "spam",
        "triageNotes", "x".repeat(4001)), Map.of());
    Map<String, Object> english = FormErrors.body(violations, triage, Language.EN);
    Map<String, Object> chinese = FormErrors.body(violations, triage, Language.ZH_CN);
    assertThat(english.get("message")).isEqualTo("The form has invalid fields: Category (category) must be one of "
        + "consultation, bug, repair, return-exchange, refund; Notes (triageNotes) must have at most 4000 characters");
    assertThat(chinese.get("message")).isEqualTo("表单中有内容未通过检查：类别（category）必须是以下值之一："
        + "consultation, bug, repair, return-exchange, refund；备注（triageNotes）最多 4000 个字符");
    assertThat(chinese.get("fields")).isEqualTo(List.of(
        Map.of("field", "category", "rule", "options", "message",
            "必须是以下值之一：consultation, bug, repair, return-exchange, refund"),
        Map.of("field", "triageNotes", "rule", "maxLength", "message", "最多 4000 个字符")));
  }

  @Test
  void everyMessageOfTheCheckHasItsChinese() {
    assertThat(FormMessages.bundle(Language.ZH_CN).keys()).isEqualTo(FormMessages.bundle(Language.EN).keys());
    for (String key : FormMessages.bundle(Language.EN).keys()) {
      assertThat(FormMessages.bundle(Language.ZH_CN).get(key)).as(key).containsPattern(key.startsWith("sentence.")
          ? Pattern.compile("[（；]") : CHINESE);
    }
    List<String> english = List.of("is required", "is not a field of this form", "is read-only and cannot be changed",
        "must be a number", "must be at least 0", "must have at most 2 decimal digits", "must be a date (yyyy-MM-dd)",
        "must match the pattern ^[A-Z]{3}-\\d{3}$", "must have at least 10 characters",
        "must be a phone number with country code (+86...)", "must not be in the future");
    for (String message : english) {
      assertThat(FormMessages.message(message, Language.ZH_CN)).as(message).containsPattern(CHINESE)
          .doesNotContain("must", "is ");
    }
    assertThat(FormMessages.message("must be at least 0", Language.ZH_CN)).isEqualTo("不能小于 0");
    assertThat(FormMessages.message("something a listener said", Language.ZH_CN)).isEqualTo("something a listener said");
  }

  private static JsonNode find(JsonNode node, String key) {
    for (JsonNode component : node.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = find(component, key);
      if (inner != null) {
        return inner;
      }
    }
    return null;
  }

  private static JsonNode withoutTexts(JsonNode form) {
    JsonNode copy = form.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode object) {
      if (object.has("type") || object.has("value")) {
        FormTexts.TEXT_PROPERTIES.forEach(object::remove);
      }
      object.forEach(FormTextsTest::strip);
    } else if (node.isArray()) {
      node.forEach(FormTextsTest::strip);
    }
  }
}
