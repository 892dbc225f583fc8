package org.aftersales.reports;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts of the yearly service report in one language, from {@code messages_zh_CN.properties}
 * or {@code messages_en.properties} beside this class. Simplified Chinese for any {@code zh}
 * locale, English otherwise; the server's own default locale plays no part.
 */
final class ReportTexts {

  static final Locale CHINESE = Locale.forLanguageTag("zh-CN");
  private static final String BUNDLE = "org.aftersales.reports.messages";
  private static final ResourceBundle.Control NO_FALLBACK =
      ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

  private final Locale locale;
  private final ResourceBundle bundle;

  private ReportTexts(Locale locale) {
    this.locale = locale;
    this.bundle = ResourceBundle.getBundle(BUNDLE, locale, ReportTexts.class.getClassLoader(), NO_FALLBACK);
  }

  /** The texts for a language tag such as {@code zh-CN} (the {@code aftersales.locale} default) or {@code en}. */
  static ReportTexts of(String languageTag) {
    return of(languageTag == null ? CHINESE : Locale.forLanguageTag(languageTag.trim()));
  }

  static ReportTexts of(Locale locale) {
    return new ReportTexts("zh".equals(locale.getLanguage()) ? CHINESE : Locale.ENGLISH);
  }

  Locale locale() {
    return locale;
  }

  /** The text of {@code key} with its {@code {0}}, {@code {1}} filled in; pass numbers as text (no grouping). */
  String get(String key, String... arguments) {
    String pattern = bundle.getString(key);
    // Without arguments the text is as written (no MessageFormat quoting: "'from'" stays quoted).
    return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
  }

  /** The texts whose keys start with {@code prefix}, by the rest of the key ({@code sla.first-response} → {@code first-response}). */
  java.util.Map<String, String> startingWith(String prefix) {
    java.util.Map<String, String> texts = new java.util.TreeMap<>();
    for (String key : bundle.keySet()) {
      if (key.startsWith(prefix)) {
        texts.put(key.substring(prefix.length()), bundle.getString(key));
      }
    }
    return texts;
  }

  /** The text of {@code key}, or {@code fallback} where the bundle has none (a kind added later). */
  String getOrDefault(String key, String fallback) {
    try {
      return bundle.getString(key);
    } catch (MissingResourceException e) {
      return fallback;
    }
  }
}
