package org.aftersales.common;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/**
 * The reasons the DMN tables give people (the warranty's, the proposed repair mode's, a return's
 * eligibility, the refund rate's), in each language: {@code i18n/reasons_<language>.properties},
 * keyed by decision id and rule id. The engine keeps a reason as the table says it (English, what
 * admins edit in Modeler); it is put into the reader's language where it is shown or sent. A reason
 * the files do not know, from a table an admin changed, stays as the table says it: better English
 * than a translation of something else.
 */
public final class DecisionReasons {

  /** The process variables that hold a reason as a table gave it. */
  public static final Set<String> VARIABLES =
      Set.of("warrantyReason", "repairModeReason", "eligibilityReason", "refundRateReason");

  private static final Map<Language, Bundle> BUNDLES = new EnumMap<>(Language.class);
  /** A reason's English, as the tables say it, to its key. */
  private static final Map<String, String> KEYS = new HashMap<>();

  static {
    for (Language language : Language.values()) {
      BUNDLES.put(language, Bundle.load("reasons", language));
    }
    Bundle english = BUNDLES.get(Language.EN);
    english.keys().forEach(key -> KEYS.putIfAbsent(english.get(key), key));
  }

  private DecisionReasons() {
  }

  /** The reason in {@code language}; as stored when it is not one the files know. */
  public static String in(Language language, String stored) {
    String key = stored == null ? null : KEYS.get(stored.trim());
    String text = key == null ? null : BUNDLES.get(language).get(key);
    return text == null ? stored : text;
  }

  /** Whether {@code shown} is the stored reason as one of the languages shows it. */
  public static boolean shows(String shown, String stored) {
    if (shown == null || stored == null) {
      return false;
    }
    String key = KEYS.get(stored.trim());
    return key != null && BUNDLES.values().stream().anyMatch(bundle -> shown.trim().equals(bundle.get(key)));
  }

  /** One language's texts, for tests that compare them with the tables. */
  public static Bundle bundle(Language language) {
    return BUNDLES.get(language);
  }
}
