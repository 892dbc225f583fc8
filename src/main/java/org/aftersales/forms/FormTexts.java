package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;

/**
 * The texts of a deployed Camunda Form in a person's language, from {@code i18n/forms_*.properties}
 * keyed {@code <form id>.<field key or component id>.<property>} and
 * {@code <form id>.<field key>.option.<value>}.
 *
 * <p>One form per task: only texts change, never a key, value, id, validation or condition. The
 * English in the .form file is the source (what Modeler shows); a text is replaced only while the
 * deployed form still holds the English the bundle was translated from, so a form an admin
 * deployed later, or changed in Modeler, shows its own texts rather than a translation of other words.
 */
public final class FormTexts {

  /** The properties of a component people read. */
  static final List<String> TEXT_PROPERTIES = List.of("label", "text", "description", "placeholder", "dateLabel",
      "timeLabel", "title");

  private static final Map<Language, Bundle> BUNDLES = Map.of(
      Language.EN, Bundle.load("forms", Language.EN),
      Language.ZH_CN, Bundle.load("forms", Language.ZH_CN));

  private FormTexts() {
  }

  static Bundle bundle(Language language) {
    return BUNDLES.get(language);
  }

  /** A copy of {@code form} with its texts in {@code language}; the form itself when nothing changes. */
  public static JsonNode localise(JsonNode form, Language language) {
    if (language == Language.EN || form == null || !form.isObject() || !form.path("components").isArray()
        || !form.path("id").isTextual()) {
      return form;
    }
    ObjectNode copy = form.deepCopy();
    localiseComponents(copy.path("id").asText(), copy.path("components"), language);
    return copy;
  }

  private static void localiseComponents(String formId, JsonNode components, Language language) {
    for (JsonNode component : components) {
      if (!(component instanceof ObjectNode node)) {
        continue;
      }
      String ident = ident(node);
      if (ident != null) {
        for (String property : TEXT_PROPERTIES) {
          if (node.path(property).isTextual()) {
            String text = text(formId + "." + ident + "." + property, node.path(property).asText(), language);
            node.put(property, text);
          }
        }
        if (node.path("values").isArray()) {
          for (JsonNode option : node.path("values")) {
            if (option instanceof ObjectNode o && o.path("label").isTextual() && o.has("value")) {
              o.put("label", text(formId + "." + ident + ".option." + o.path("value").asText(),
                  o.path("label").asText(), language));
            }
          }
        }
      }
      if (node.path("components").isArray()) {
        localiseComponents(formId, node.path("components"), language);
      }
    }
  }

  /** The label a field is named by in {@code language}, as {@link CamundaForm#labelOf} gives it in the form. */
  public static String labelOf(CamundaForm form, String key, Language language) {
    String label = form.labelOf(key);
    if (language == Language.EN || form.id() == null || form.field(key) == null) {
      return label;
    }
    String translated = text(form.id() + "." + key + ".label", label, language);
    return translated.equals(label) ? text(form.id() + "." + key + ".dateLabel", label, language) : translated;
  }

  /** The translation of {@code deployed} under {@code key}, if the bundle was made from that English. */
  static String text(String key, String deployed, Language language) {
    String source = BUNDLES.get(Language.EN).get(key);
    String translated = BUNDLES.get(language).get(key);
    return translated != null && deployed.equals(source) ? translated : deployed;
  }

  /** How bundles name a component: its field key, else its id. */
  static String ident(JsonNode component) {
    if (component.path("key").isTextual() && !component.path("key").asText().isEmpty()) {
      return component.path("key").asText();
    }
    return component.path("id").isTextual() ? component.path("id").asText() : null;
  }
}
