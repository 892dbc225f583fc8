package org.aftersales.tasklist;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;

/**
 * Task and process names in a person's language ({@code i18n/tasks_*.properties}), keyed by process
 * key and task definition key. A task's stored name is the model's English name (with its
 * expressions filled) followed by what {@link TaskNames} or a listener appended: " · case number ·
 * customer" or ": summary". The English part is replaced, the rest kept as it is; a name that
 * does not start with the English the bundle knows (a model changed in Modeler) is left alone.
 */
public final class TaskTexts {

  /** What may follow the model's name: the case (TaskNames) or a summary (approval listeners). */
  private static final String TAIL = "((?: · |: ).*)?";

  private static final Bundle EN = Bundle.load("tasks", Language.EN);
  private static final Bundle ZH = Bundle.load("tasks", Language.ZH_CN);
  /** Task definition key → its bundle keys, for a process definition id that does not name its key. */
  private static final Map<String, List<String>> BY_TASK = new HashMap<>();

  static {
    for (String key : EN.keys()) {
      if (key.startsWith("task.")) {
        BY_TASK.computeIfAbsent(key.substring(key.lastIndexOf('.') + 1), k -> new java.util.ArrayList<>()).add(key);
      }
    }
  }

  private TaskTexts() {
  }

  static Bundle bundle(Language language) {
    return language == Language.EN ? EN : ZH;
  }

  /** The task's name in {@code language}; {@code name} itself when the bundles do not know it. */
  public static String taskName(String name, String processDefinitionId, String taskDefinitionKey, Language language) {
    if (language == Language.EN || name == null || taskDefinitionKey == null) {
      return name;
    }
    String key = bundleKey(processDefinitionId, taskDefinitionKey);
    if (key == null || ZH.get(key) == null) {
      return elementName(name, processDefinitionId, taskDefinitionKey);
    }
    String english = EN.get(key);
    Matcher matcher = Bundle.pattern(english, TAIL).matcher(name);
    if (!matcher.matches()) {
      return name;
    }
    List<String> names = Bundle.placeholders(english);
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String value = matcher.group(i + 1);
      String translated = ZH.get("value." + names.get(i) + "." + value);
      values.put(names.get(i), translated == null ? value : translated);
    }
    String tail = matcher.group(names.size() + 1);
    if (tail != null && tail.startsWith(": ")) {
      tail = "：" + tail.substring(2);
    }
    return ZH.format(key, values) + (tail == null ? "" : tail);
  }

  /**
   * Another element's name (an event, a gateway, a service task, a flow) in Chinese, while it is the
   * English the bundle knows ({@code element.<process key>.<element id>}).
   */
  private static String elementName(String name, String processDefinitionId, String elementId) {
    if (processDefinitionId == null || !processDefinitionId.contains(":")) {
      return name;
    }
    String key = "element." + processDefinitionId.substring(0, processDefinitionId.indexOf(':')) + "." + elementId;
    return name.equals(EN.get(key)) && ZH.get(key) != null ? ZH.get(key) : name;
  }

  /** The process's name in {@code language}, while it is the English the bundle knows. */
  public static String processName(String name, String processKey, Language language) {
    if (language == Language.EN || name == null || processKey == null) {
      return name;
    }
    String key = "process." + processKey;
    return name.equals(EN.get(key)) && ZH.get(key) != null ? ZH.get(key) : name;
  }

  private static String bundleKey(String processDefinitionId, String taskDefinitionKey) {
    if (processDefinitionId != null && processDefinitionId.contains(":")) {
      String key = "task." + processDefinitionId.substring(0, processDefinitionId.indexOf(':')) + "."
          + taskDefinitionKey;
      return EN.get(key) != null ? key : null;
    }
    // Definitions with long keys get a generated id without the key: the task id alone, if unique.
    List<String> keys = BY_TASK.get(taskDefinitionKey);
    return keys != null && keys.size() == 1 ? keys.get(0) : null;
  }
}
