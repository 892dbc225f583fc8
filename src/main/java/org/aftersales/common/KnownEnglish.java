package org.aftersales.common;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * English messages recognised whole and said in another language, as gettext recognises its message
 * ids: the English of some keys of a bundle ({@code ${…}} standing for what varies) is matched against
 * a message, and the same key's text in the other language is filled with the same values. The code
 * keeps writing English (logs, tests and clients that read codes see the same); only what people read
 * changes. A message no key matches stays as it is.
 */
public final class KnownEnglish {

  private final Bundle english;
  private final Map<Language, Bundle> bundles;
  /** Patterns by key, longest English first, so a longer text wins over a shorter one it starts with. */
  private final Map<String, Pattern> patterns = new LinkedHashMap<>();

  private KnownEnglish(String bundle, Predicate<String> keys) {
    english = Bundle.load(bundle, Language.EN);
    bundles = Map.of(Language.EN, english, Language.ZH_CN, Bundle.load(bundle, Language.ZH_CN));
    List<String> names = new ArrayList<>(english.keys().stream().filter(keys).toList());
    names.sort((a, b) -> english.get(b).length() - english.get(a).length());
    names.forEach(name -> patterns.put(name, Bundle.pattern(english.get(name), "")));
  }

  /** The messages of {@code i18n/<bundle>_*.properties} whose keys {@code keys} accepts. */
  public static KnownEnglish of(String bundle, Predicate<String> keys) {
    return new KnownEnglish(bundle, keys);
  }

  /** {@code message} in {@code language}, when its English is known whole; else as it is. */
  public String in(Language language, String message) {
    if (message == null || language == Language.EN) {
      return message;
    }
    for (Map.Entry<String, Pattern> entry : patterns.entrySet()) {
      Matcher matcher = entry.getValue().matcher(message);
      if (matcher.matches()) {
        List<String> names = Bundle.placeholders(english.get(entry.getKey()));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), matcher.group(i + 1));
        }
        String said = bundles.get(language).format(entry.getKey(), values);
        return said == null ? message : said;
      }
    }
    return message;
  }
}
