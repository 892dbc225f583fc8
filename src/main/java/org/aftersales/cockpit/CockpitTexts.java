package org.aftersales.cockpit;

import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.approval.ApprovalTexts;
import org.aftersales.common.Bundle;
import org.aftersales.common.KnownEnglish;
import org.aftersales.common.Language;

/**
 * The texts the server side of our Cockpit plugins gives people to read ({@code i18n/cockpit_*}),
 * in the language the page asks for: the plugins send their page's language as Accept-Language.
 */
public final class CockpitTexts {

  private static final Bundle EN = Bundle.load("cockpit", Language.EN);
  private static final Bundle ZH = Bundle.load("cockpit", Language.ZH_CN);
  private static final KnownEnglish REFUSALS = KnownEnglish.of("cockpit", key -> key.startsWith("refused."));

  private CockpitTexts() {
  }

  /** An approval step's name in {@code language}, as the Approval tab says it; a name without a translation as it is. */
  public static String stepName(String name, Language language) {
    return ApprovalTexts.stepName(name, language);
  }

  public static Bundle bundle(Language language) {
    return language == Language.ZH_CN ? ZH : EN;
  }

  /** The text of {@code key} with its placeholders filled. */
  public static String text(Language language, String key, Map<String, String> values) {
    String text = bundle(language).format(key, values);
    return text == null ? EN.format(key, values) : text;
  }

  /** The label of an approval record's action code, as the Approval tab says it; an unknown code as it is. */
  public static String approvalAction(String code, Language language) {
    String label = code == null ? null : ApprovalTexts.action(code, language);
    return label == null ? code : label;
  }

  /**
   * An English refusal ({@code refused.*} in English, recognised whole) in {@code language}; a message
   * without a translation stays as it is.
   */
  public static String refusal(String english, Language language) {
    return REFUSALS.in(language, english);
  }

  /** The refusal with its message and each field's message in {@code language}; field names stay. */
  public static ApiException refusal(ApiException e, Language language) {
    List<FieldProblem> fields = e.fields().stream()
        .map(f -> new FieldProblem(f.field(), refusal(f.message(), language))).toList();
    return new ApiException(e.status(), refusal(e.getMessage(), language), fields);
  }
}
