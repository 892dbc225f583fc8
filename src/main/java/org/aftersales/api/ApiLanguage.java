package org.aftersales.api;

import jakarta.servlet.http.HttpServletRequest;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;

/**
 * The language of an {@code /api} answer's words. {@code /api} is read by Tasklist's tabs, which name
 * the page's language, and by programs (integrations, scripts), which mostly name none: a request that
 * names a language gets it by {@link Languages#of(String)}; one that names none gets English, as
 * {@code /api} has always answered.
 */
public final class ApiLanguage {

  private ApiLanguage() {
  }

  public static Language of(Languages languages, HttpServletRequest request) {
    String header = request.getHeader("Accept-Language");
    return header == null || header.isBlank() ? Language.EN : languages.of(header);
  }
}
