package org.aftersales.integration.notification;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import org.aftersales.common.Bundle;
import org.aftersales.common.DecisionReasons;
import org.aftersales.common.Language;

/**
 * Puts a {@link Notice} into words in one language, from {@code i18n/notices_<language>.properties}:
 * {@code <text>.subject} (else the kind's subject) and {@code <text>.message}. Values that are the
 * reasons of DMN tables are put into the same language ({@link DecisionReasons}); a code with a
 * {@code value.<name>.<code>} entry (here, or an approval step's name in {@code tasks_*}) is named by it.
 */
public final class NoticeTexts {

  private static final Map<Language, Bundle> NOTICES = new EnumMap<>(Language.class);
  private static final Map<Language, Bundle> TASKS = new EnumMap<>(Language.class);

  static {
    for (Language language : Language.values()) {
      NOTICES.put(language, Bundle.load("notices", language));
      TASKS.put(language, Bundle.load("tasks", language));
    }
  }

  /** A notice in words. */
  public record Words(String subject, String message) {
  }

  private NoticeTexts() {
  }

  /**
   * @throws IllegalStateException when the text does not exist or needs a value the notice lacks:
   *     a mistake in the code or the files, which must not reach a customer as "${total}"
   */
  public static Words say(Notice notice, Language language) {
    Bundle bundle = NOTICES.get(language);
    Map<String, String> values = new HashMap<>();
    notice.values().forEach((name, value) -> values.put(name, value(name, value, language)));
    return new Words(fill(bundle, notice, "subject", values), fill(bundle, notice, "message", values));
  }

  private static String fill(Bundle bundle, Notice notice, String part, Map<String, String> values) {
    String template = bundle.get(notice.text() + "." + part);
    if (template == null && "subject".equals(part)) {
      template = bundle.get(notice.kind() + ".subject");
    }
    if (template == null) {
      throw new IllegalStateException("No notice text " + notice.text() + "." + part);
    }
    for (String name : Bundle.placeholders(template)) {
      if (!values.containsKey(name)) {
        throw new IllegalStateException("Notice text " + notice.text() + "." + part + " needs ${" + name + "}");
      }
    }
    return Bundle.fill(template, values);
  }

  private static String value(String name, String value, Language language) {
    if (DecisionReasons.VARIABLES.contains(name)) {
      return DecisionReasons.in(language, value);
    }
    String key = "value." + name + "." + value;
    String named = NOTICES.get(language).get(key);
    return named != null ? named : TASKS.get(language).get(key) != null ? TASKS.get(language).get(key) : value;
  }

  /** One language's texts, for tests. */
  public static Bundle bundle(Language language) {
    return NOTICES.get(language);
  }
}
