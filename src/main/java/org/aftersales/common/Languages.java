package org.aftersales.common;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Which language a person reads: the first language of their browser when it is Chinese or
 * English (as the webapps choose theirs, docs/languages.md), else {@code aftersales.locale}.
 */
@Component
public class Languages {

  /** Where the request's language is kept once chosen (see {@link #requested}). */
  public static final String ATTRIBUTE = Language.class.getName();

  private final Language fallback;

  public Languages(@Value("${aftersales.locale:zh-CN}") String configured) {
    this.fallback = Language.of(configured);
    if (fallback == null) {
      throw new IllegalArgumentException("aftersales.locale must be zh-CN or en, not '" + configured + "'");
    }
  }

  public Language fallback() {
    return fallback;
  }

  /**
   * The language chosen for this request by the filter that runs before the engine's APIs; English
   * when none was chosen (a component used outside the application, as in unit tests).
   */
  public static Language requested(HttpServletRequest request) {
    return request != null && request.getAttribute(ATTRIBUTE) instanceof Language language ? language : Language.EN;
  }

  public Language of(HttpServletRequest request) {
    return of(request.getHeader("Accept-Language"));
  }

  /** The language for an Accept-Language header: its most preferred range decides. */
  public Language of(String acceptLanguage) {
    if (acceptLanguage == null || acceptLanguage.isBlank()) {
      return fallback;
    }
    List<Locale.LanguageRange> ranges;
    try {
      ranges = Locale.LanguageRange.parse(acceptLanguage);
    } catch (IllegalArgumentException e) {
      return fallback;
    }
    if (ranges.isEmpty()) {
      return fallback;
    }
    Language first = Language.of(ranges.get(0).getRange());
    return first == null ? fallback : first;
  }
}
