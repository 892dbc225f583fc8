package org.aftersales.forms;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

  /**
   * {@code <form id>.<field key>.option.<value>}: how codes are named where a form offers them;
   * {@code values_*.properties} names the codes no form offers ({@code <field key>.<code>}).
   */
  private static final Pattern OPTION = Pattern.compile("^[^.]+\\.([^.]+)\\.option\\.(.+)$");
  /** Per language: field key → code → its name, as the first form offering it names it. */
  private static final Map<Language, Map<String, Map<String, String>>> VALUE_LABELS = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      Map<String, Map<String, String>> labels = new HashMap<>();
      Bundle named = Bundle.load("values", language);
      for (String key : named.keys()) {
        int dot = key.indexOf('.');
        labels.computeIfAbsent(key.substring(0, dot), k -> new HashMap<>()).put(key.substring(dot + 1), named.get(key));
      }
      // approval step names, as Tasklist's task names show them: value.stepName.<English> of tasks_*
      Bundle steps = Bundle.load("tasks", language);
      for (String key : steps.keys()) {
        if (key.startsWith("value.")) {
          String rest = key.substring("value.".length());
          int dot = rest.indexOf('.');
          labels.computeIfAbsent(rest.substring(0, dot), k -> new HashMap<>()).put(rest.substring(dot + 1), steps.get(key));
        }
      }
      Bundle bundle = BUNDLES.get(language);
      for (String key : bundle.keys()) {
        Matcher option = OPTION.matcher(key);
        if (option.matches()) {
          labels.computeIfAbsent(option.group(1), k -> new HashMap<>()).putIfAbsent(option.group(2), bundle.get(key));
        }
      }
      VALUE_LABELS.put(language, labels);
    }
  }

  private FormTexts() {
  }

  /**
   * A code shown in a read-only text field (a channel, a return reason, a condition) by the name
   * the options of the same field key give it in {@code language}; the code when no form offers it.
   */
  public static String valueLabel(String key, String code, Language language) {
    String label = VALUE_LABELS.get(language).getOrDefault(key, Map.of()).get(code);
    return label == null ? code : label;
  }

  /** Whether {@code shown} is the stored code of {@code key} under the name some language gives it. */
  public static boolean showsValue(String key, Object shown, Object stored) {
    if (!(shown instanceof String text) || !(stored instanceof String code)) {
      return false;
    }
    return VALUE_LABELS.values().stream()
        .anyMatch(labels -> text.equals(labels.getOrDefault(key, Map.of()).get(code)));
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
