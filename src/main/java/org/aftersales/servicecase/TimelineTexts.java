package org.aftersales.servicecase;

import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.aftersales.tasklist.TaskTexts;

/**
 * The names of a case's steps as its timeline shows them, in the reader's language: user tasks as
 * Tasklist names them ({@link TaskTexts}), every other step of our models (service tasks, events, call
 * activities) from {@code i18n/timeline_*.properties}, keyed {@code <process key>.<activity id>}, while
 * the step still bears the English the file knows (a model changed in Modeler shows its own name).
 */
final class TimelineTexts {

  private static final Bundle EN = Bundle.load("timeline", Language.EN);
  private static final Bundle ZH = Bundle.load("timeline", Language.ZH_CN);

  private TimelineTexts() {
  }

  static String activityName(String processKey, String activityId, String name, Language language) {
    if (language == Language.EN || name == null) {
      return name;
    }
    String key = processKey + "." + activityId;
    if (name.equals(EN.get(key)) && ZH.get(key) != null) {
      return ZH.get(key);
    }
    return TaskTexts.taskName(name, processKey + ":", activityId, language);
  }

  static Bundle bundle(Language language) {
    return language == Language.EN ? EN : ZH;
  }
}
