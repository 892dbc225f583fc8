package org.aftersales.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Our Chinese locale of each webapp says everything the English one of the Camunda webjar on the
 * classpath says: the same keys, no text left empty or left in English, and the same placeholders,
 * so a Camunda upgrade that adds or renames keys fails here, naming them.
 */
class WebappLocalesTest {

  private static final String APP = "META-INF/resources/webjars/camunda/app/";
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Placeholders the webapps fill in: Angular expressions, moment's %s and %d, ng-pluralize's {}. */
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{.*?}}|%[sd]|\\{}");
  /** HTML the texts carry, compared with their attributes (links must still go where they went). */
  private static final Pattern TAG = Pattern.compile("</?(?:a|b|br|code|em|i|p|span|strong)\\b[^>]*>");

  /** English texts that are the same in Chinese: names, abbreviations, date patterns. */
  private static final Set<String> SAME_IN_CHINESE = Set.of(
      "Camunda", "Operaton", "Optimize", "ID", "ID*", "CSV", "JSON", "YYYY-MM-DDTHH:mm:ss", "L", "HH:mm");
  /** English plural endings ("instance" + "s"): Chinese has none, so they are empty. */
  private static final Set<String> EMPTY_IN_CHINESE = Set.of(
      "PLGN_BATCH_S", "PLGN_MIG_S", "PLGN_MOD_DIALOG_S", "PLGN_MOD_RESTART_DIALOG_S");

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void chineseSaysEverythingTheWebjarsEnglishSays(String app) throws IOException {
    Map<String, JsonNode> english = leaves(read(webjarEnglish(app)));
    Map<String, JsonNode> chinese = leaves(read(ours(app)));

    Set<String> missing = new TreeSet<>(english.keySet());
    missing.removeAll(chinese.keySet());
    Set<String> extra = new TreeSet<>(chinese.keySet());
    extra.removeAll(english.keySet());
    assertThat(missing).as("keys of Camunda's %s en.json that our zh.json lacks", app).isEmpty();
    assertThat(extra).as("keys of our %s zh.json that Camunda's en.json no longer has", app).isEmpty();

    List<String> problems = new ArrayList<>();
    english.forEach((key, en) -> {
      JsonNode zh = chinese.get(key);
      if (!en.isTextual()) {
        if (!en.equals(zh)) {
          problems.add(key + ": " + zh + " instead of " + en);
        }
        return;
      }
      String from = en.asText();
      String to = zh.isTextual() ? zh.asText() : null;
      if (to == null) {
        problems.add(key + ": not a text");
      } else if (to.isBlank() && !from.isBlank() && !EMPTY_IN_CHINESE.contains(lastSegment(key))) {
        problems.add(key + ": empty");
      } else if (to.equals(from) && from.chars().anyMatch(Character::isLetter) && !SAME_IN_CHINESE.contains(from)) {
        problems.add(key + ": still English: " + from);
      } else if (!all(PLACEHOLDER, to).equals(all(PLACEHOLDER, from))) {
        problems.add(key + ": placeholders " + all(PLACEHOLDER, to) + " instead of " + all(PLACEHOLDER, from));
      } else if (!all(TAG, to).equals(all(TAG, from))) {
        problems.add(key + ": HTML " + all(TAG, to) + " instead of " + all(TAG, from));
      }
    });
    assertThat(problems).as("texts of %s zh.json", app).isEmpty();
    assertThat(english).as("English texts of %s found in the webjar", app).hasSizeGreaterThan(100);
  }

  @ParameterizedTest
  @ValueSource(strings = {"tasklist", "cockpit", "admin", "welcome"})
  void eachAppOffersChineseBesideEnglishWithDatesToMatch(String app) throws IOException {
    URL config = Thread.currentThread().getContextClassLoader().getResource(APP + app + "/scripts/config.js");
    assertThat(config).as("our %s config.js", app).isNotNull();
    assertThat(config.toString()).as("%s config.js comes from this application, not the webjar", app)
        .doesNotContain("camunda-webapp-webjar");
    String script;
    try (InputStream in = config.openStream()) {
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    // The webapps take the language part of the browser's first preference ("zh-CN" -> "zh") and look
    // it up in availableLocales; a match loads locales/<match>.json, anything else the fallback.
    assertThat(script).as("%s config.js", app)
        .containsPattern("(?m)^\\s*locales: \\{ availableLocales: \\['en', 'zh'], fallbackLocale: 'en' },")
        .as("%s config.js loads the script that keeps dates in the page's language", app)
        .contains("'../dates-follow-language.js'");
    assertThat(Thread.currentThread().getContextClassLoader().getResource(APP + "dates-follow-language.js"))
        .as("app/dates-follow-language.js").isNotNull();
  }

  private static URL webjarEnglish(String app) throws IOException {
    for (URL url : Collections.list(Thread.currentThread().getContextClassLoader()
        .getResources(APP + app + "/locales/en.json"))) {
      if (url.toString().contains("camunda-webapp-webjar")) {
        return url;
      }
    }
    throw new AssertionError("no en.json of " + app + " in the Camunda webapp webjar on the classpath");
  }

  private static URL ours(String app) {
    URL url = Thread.currentThread().getContextClassLoader().getResource(APP + app + "/locales/zh.json");
    assertThat(url).as("our zh.json of %s", app).isNotNull();
    return url;
  }

  private static JsonNode read(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return JSON.readTree(in); // Jackson skips the byte order mark Camunda's files start with
    }
  }

  /** Every leaf by its path: labels/TASK, dateLocales/months/0, ... */
  private static Map<String, JsonNode> leaves(JsonNode root) {
    Map<String, JsonNode> leaves = new LinkedHashMap<>();
    collect(root, "", leaves);
    return leaves;
  }

  private static void collect(JsonNode node, String path, Map<String, JsonNode> leaves) {
    if (node.isObject()) {
      node.fields().forEachRemaining(field -> collect(field.getValue(), join(path, field.getKey()), leaves));
    } else if (node.isArray()) {
      for (int i = 0; i < node.size(); i++) {
        collect(node.get(i), join(path, String.valueOf(i)), leaves);
      }
    } else {
      leaves.put(path, node);
    }
  }

  private static String join(String path, String segment) {
    return path.isEmpty() ? segment : path + "/" + segment;
  }

  private static String lastSegment(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  private static List<String> all(Pattern pattern, String text) {
    List<String> found = new ArrayList<>();
    Matcher matcher = pattern.matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    Collections.sort(found);
    return found;
  }
}
