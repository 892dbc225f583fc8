package org.aftersales.integration.notification;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What a notice says, before it is put into words: its kind (what happened), the text that says it
 * ({@code i18n/notices_*.properties}: the kind's, or a variant {@code <kind>.<variant>}) and the
 * values for the text's {@code ${…}}.
 */
public record Notice(String kind, String text, Map<String, String> values) {

  public Notice {
    values = Map.copyOf(values);
  }

  /** The kind's own text with {@code namesAndValues}: name, value, name, value … (a null value is left out). */
  public static Notice of(String kind, Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("Names and values come in pairs: " + namesAndValues.length);
    }
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      if (namesAndValues[i + 1] != null) {
        values.put((String) namesAndValues[i], namesAndValues[i + 1].toString());
      }
    }
    return new Notice(kind, kind, values);
  }

  /** The same notice said by the kind's variant {@code <kind>.<variant>}. */
  public Notice variant(String variant) {
    return new Notice(kind, kind + "." + variant, values);
  }

  /** The same notice with one more value. */
  public Notice with(String name, Object value) {
    Map<String, String> more = new LinkedHashMap<>(values);
    if (value != null) {
      more.put(name, value.toString());
    }
    return new Notice(kind, text, more);
  }
}
