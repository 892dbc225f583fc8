package org.aftersales.tasklist;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.aftersales.common.Language;
import org.aftersales.identity.TasklistFilterTexts;

/**
 * Our groups' names in the reader's language ({@code group.<id>} in {@code i18n/filters_*.properties}),
 * in the engine's group answers: Tasklist shows a task's candidate groups by the names embedded in
 * its HAL task ({@code _embedded.group}), Admin lists and edits groups through {@code …/group}.
 * The stored name stays the seeded English.
 */
final class GroupNames {

  private GroupNames() {
  }

  /** A group as the engine's REST API gives it: {@code {id, name, type}}, in HAL with a link to itself. */
  static boolean isGroup(ObjectNode object) {
    if (!object.path("id").isTextual() || !object.path("name").isTextual() || !object.has("type")) {
      return false;
    }
    return object.path("_links").path("self").path("href").asText("").startsWith("/group/") || object.size() == 3;
  }

  static void localise(ObjectNode group, Language language) {
    group.put("name", TasklistFilterTexts.shownGroupName(group.path("id").asText(), group.path("name").asText(), language));
  }

  /** Admin saving a group sends back the name it showed: the stored English stays. */
  static boolean restoreStored(ObjectNode update, String groupId, Language language) {
    String stored = TasklistFilterTexts.storedGroupName(groupId, update.path("name").asText(null), language);
    if (stored == null) {
      return false;
    }
    update.put("name", stored);
    return true;
  }
}
