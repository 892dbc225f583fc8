package org.aftersales.forms;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.aftersales.common.Bundle;
import org.aftersales.common.KnownEnglish;
import org.aftersales.common.Language;

/**
 * The messages of refused form input in a person's language ({@code i18n/validation_*.properties}).
 * Violations keep their English message (logs, tests and clients that read {@code rule} see the
 * same); the English is recognised here, as gettext recognises its message ids, and its Chinese
 * filled with the same values. A message not in the bundle stays as it is.
 */
public final class FormMessages {

  private static final Bundle EN = Bundle.load("validation", Language.EN);
  private static final Bundle ZH = Bundle.load("validation", Language.ZH_CN);
  private static final KnownEnglish MESSAGES = KnownEnglish.of("validation", key -> !key.startsWith("sentence"));

  private FormMessages() {
  }

  static Bundle bundle(Language language) {
    return language == Language.EN ? EN : ZH;
  }

  /** One violation's message in {@code language}. */
  public static String message(String english, Language language) {
    return MESSAGES.in(language, english);
  }

  /** The sentence Tasklist shows: every field by its label (and key), with what is wrong. */
  static String sentence(List<FormViolation> violations, CamundaForm form, Language language) {
    Bundle bundle = bundle(language);
    List<String> parts = new ArrayList<>();
    for (FormViolation violation : violations) {
      String label = form == null ? violation.field() : FormTexts.labelOf(form, violation.field(), language);
      parts.add(form == null && language == Language.EN
          ? violation.field() + " " + violation.message() + " (" + violation.rule() + ")"
          : form == null ? violation.field() + " " + message(violation.message(), language)
          : bundle.format("sentence.field", Map.of("label", label, "key", violation.field(),
              "message", message(violation.message(), language))));
    }
    return bundle.format("sentence", Map.of("fields", String.join(bundle.get("sentence.separator"), parts)));
  }
}
