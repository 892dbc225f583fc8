package org.aftersales.tasklist;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.Language;

/**
 * A model's BPMN XML with its elements' names in a person's language, for the diagrams Tasklist and
 * Cockpit draw from {@code GET …/process-definition/{id}/xml}: user tasks as Tasklist names them,
 * the other elements (events, gateways, service tasks, flows) as Cockpit's Case history does, both
 * from {@link TaskTexts}. Only the {@code name} attributes of elements the bundles know by their
 * English change; ids, structure and layout stay as deployed, text as written.
 */
final class DiagramNames {

  /** A start tag with its attributes (names and values without {@code >} inside). */
  private static final Pattern START_TAG = Pattern.compile("<(?:[\\w.-]+:)?([\\w.-]+)(\\s[^<>]*?)/?>");
  private static final Pattern ID = Pattern.compile("\\sid=\"([^\"]*)\"");
  private static final Pattern NAME = Pattern.compile("(\\sname=\")([^\"]*)(\")");

  private DiagramNames() {
  }

  static String localise(String xml, Language language) {
    if (language == Language.EN || xml == null) {
      return xml;
    }
    Matcher tag = START_TAG.matcher(xml);
    StringBuilder out = new StringBuilder(xml.length() + 1024);
    String process = null;
    while (tag.find()) {
      String attributes = tag.group(2);
      Matcher id = ID.matcher(attributes);
      if ("process".equals(tag.group(1)) && id.find()) {
        process = id.group(1);
        continue;
      }
      Matcher name = NAME.matcher(attributes);
      if (process == null || !id.find() || !name.find()) {
        continue;
      }
      String english = unescape(name.group(2));
      String shown = TaskTexts.taskName(english, process + ":", id.group(1), language);
      if (shown.equals(english)) {
        continue;
      }
      String localised = attributes.substring(0, name.start(2)) + escape(shown) + attributes.substring(name.end(2));
      tag.appendReplacement(out, Matcher.quoteReplacement(tag.group().replace(attributes, localised)));
    }
    tag.appendTail(out);
    return out.toString();
  }

  private static String unescape(String value) {
    return value.replace("&quot;", "\"").replace("&lt;", "<").replace("&gt;", ">").replace("&#10;", "\n")
        .replace("&apos;", "'").replace("&amp;", "&");
  }

  private static String escape(String value) {
    return value.replace("&", "&amp;").replace("\"", "&quot;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\n", "&#10;");
  }
}
