package org.aftersales.servicecase;

import org.aftersales.common.Language;
import org.aftersales.tasklist.TaskTexts;

/**
 * The names of a case's steps as its timeline shows them, in the reader's language: user tasks as
 * Tasklist names them, every other named step of our models (service tasks, events, call activities)
 * as Cockpit's Case history does, both from {@link TaskTexts} ({@code i18n/tasks_*.properties}),
 * while the step still bears the English the files know (a model changed in Modeler shows its own name).
 */
final class TimelineTexts {

  private TimelineTexts() {
  }

  static String activityName(String processKey, String activityId, String name, Language language) {
    return TaskTexts.taskName(name, processKey + ":", activityId, language);
  }
}
