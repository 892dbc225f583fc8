package org.aftersales.common;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One language's texts of one kind, from {@code i18n/<name>_<language>.properties} on the
 * classpath, read as UTF-8. Texts may hold {@code ${name}} placeholders.
 */
public final class Bundle {

  private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([^}]+)}");

  private final Map<String, String> texts;

  private Bundle(Map<String, String> texts) {
    this.texts = texts;
  }

  /** Loaded once per file: several texts classes read the same bundle (tasks_*, forms_*). */
  private static final Map<String, Bundle> LOADED = new ConcurrentHashMap<>();

  public static Bundle load(String name, Language language) {
    return LOADED.computeIfAbsent("i18n/" + name + "_" + language.bundleSuffix() + ".properties", Bundle::read);
  }

  private static Bundle read(String path) {
    try (InputStream in = Bundle.class.getClassLoader().getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException("Missing text bundle " + path);
      }
      Properties properties = new Properties();
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
      Map<String, String> texts = new LinkedHashMap<>();
      properties.stringPropertyNames().forEach(key -> texts.put(key, properties.getProperty(key)));
      return new Bundle(Collections.unmodifiableMap(texts));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text, or null when this bundle has none. */
  public String get(String key) {
    return texts.get(key);
  }

  public Set<String> keys() {
    return new TreeSet<>(texts.keySet());
  }

  /** The text with its placeholders filled from {@code values} (unknown ones stay as they are). */
  public String format(String key, Map<String, String> values) {
    String text = get(key);
    return text == null ? null : fill(text, values);
  }

  public static String fill(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.get(matcher.group(1));
      matcher.appendReplacement(out, Matcher.quoteReplacement(value == null ? matcher.group() : value));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  /** The placeholder names of a template, in order. */
  public static java.util.List<String> placeholders(String template) {
    java.util.List<String> names = new java.util.ArrayList<>();
    Matcher matcher = PLACEHOLDER.matcher(template);
    while (matcher.find()) {
      names.add(matcher.group(1));
    }
    return names;
  }

  /**
   * A pattern matching what {@code template} gives once filled, each placeholder a group, followed by
   * whatever {@code tail} (a regex) allows.
   */
  public static Pattern pattern(String template, String tail) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder regex = new StringBuilder("^");
    int at = 0;
    while (matcher.find()) {
      regex.append(Pattern.quote(template.substring(at, matcher.start()))).append("(.+?)");
      at = matcher.end();
    }
    regex.append(Pattern.quote(template.substring(at))).append(tail).append("$");
    return Pattern.compile(regex.toString(), Pattern.DOTALL);
  }
}
