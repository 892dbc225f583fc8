package org.aftersales.identity;

import java.util.Arrays;
import java.util.Map;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;

/**
 * Names and descriptions of the Tasklist filters we seed, in both languages
 * ({@code i18n/filters_*.properties}). Filters are seeded in English; Tasklist shows a person
 * the Chinese while a filter still bears the seeded English.
 */
public final class TasklistFilterTexts {

  private static final Map<Language, Bundle> BUNDLES = Map.of(
      Language.EN, Bundle.load("filters", Language.EN),
      Language.ZH_CN, Bundle.load("filters", Language.ZH_CN));

  private TasklistFilterTexts() {
  }

  /** The filter's name for its kind and owner (a group id or a user id); null for a kind we do not seed. */
  public static String name(String kind, String owner, Language language) {
    return BUNDLES.get(language).format(kind + ".name", values(owner, language));
  }

  public static String description(String kind, String owner, Language language) {
    return BUNDLES.get(language).format(kind + ".description", values(owner, language));
  }

  static Bundle bundle(Language language) {
    return BUNDLES.get(language);
  }

  private static Map<String, String> values(String owner, Language language) {
    String safe = owner == null ? "" : owner;
    return Map.of("group", groupName(safe, language), "groupId", safe, "user", safe);
  }

  /**
   * A group's name as a person reads it: the translation of one of our groups while its stored name
   * is still the English we seeded (a group an admin renamed keeps its name); {@code stored} otherwise.
   */
  public static String shownGroupName(String groupId, String stored, Language language) {
    if (language == Language.EN || groupId == null || stored == null
        || BUNDLES.get(language).get("group." + groupId) == null || !stored.equals(groupName(groupId, Language.EN))) {
      return stored;
    }
    return groupName(groupId, language);
  }

  /** The English a group's name was shown for, when {@code shown} is our translation of its name; else null. */
  public static String storedGroupName(String groupId, String shown, Language language) {
    String translated = language == Language.EN || groupId == null ? null : BUNDLES.get(language).get("group." + groupId);
    return translated != null && translated.equals(shown) ? groupName(groupId, Language.EN) : null;
  }

  static String groupName(String groupId, Language language) {
    if (language == Language.EN) {
      return Arrays.stream(StaffGroup.values()).filter(g -> g.id().equals(groupId)).map(StaffGroup::displayName)
          .findFirst().orElse(groupId);
    }
    String name = BUNDLES.get(language).get("group." + groupId);
    return name == null ? groupId : name;
  }
}
