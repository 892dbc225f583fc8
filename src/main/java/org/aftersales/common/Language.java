package org.aftersales.common;

import java.util.Locale;

/** The languages our texts exist in (issue 15): Simplified Chinese and English. */
public enum Language {
  ZH_CN("zh-CN", "zh_CN"),
  EN("en", "en");

  private final String tag;
  private final String bundleSuffix;

  Language(String tag, String bundleSuffix) {
    this.tag = tag;
    this.bundleSuffix = bundleSuffix;
  }

  /** The BCP 47 tag, as {@code aftersales.locale} and Accept-Language write it. */
  public String tag() {
    return tag;
  }

  /** How a bundle file of this language is named: {@code forms_zh_CN.properties}. */
  public String bundleSuffix() {
    return bundleSuffix;
  }

  public Locale locale() {
    return Locale.forLanguageTag(tag);
  }

  /** Chinese for any {@code zh} tag, English for any {@code en} tag, else null. */
  public static Language of(String tag) {
    if (tag == null) {
      return null;
    }
    String primary = tag.trim().toLowerCase(Locale.ROOT).split("[-_]", 2)[0];
    return switch (primary) {
      case "zh" -> ZH_CN;
      case "en" -> EN;
      default -> null;
    };
  }
}
