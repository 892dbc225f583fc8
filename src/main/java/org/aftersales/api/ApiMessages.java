package org.aftersales.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.springframework.core.MethodParameter;
import org.springframework.http.MediaType;
import org.springframework.http.converter.HttpMessageConverter;
import org.springframework.http.server.ServerHttpRequest;
import org.springframework.http.server.ServerHttpResponse;
import org.springframework.http.server.ServletServerHttpRequest;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.servlet.mvc.method.annotation.ResponseBodyAdvice;

/**
 * The API's refusals ({@link ApiErrors}) in the reader's language ({@link ApiLanguage}): the message and
 * each field's message, when {@code i18n/tabs_en.properties} knows the English whole ({@code message.*},
 * {@code field.*}; what varies is kept). Status, error and field names stay; English and unknown
 * messages pass as they are.
 */
@RestControllerAdvice(basePackages = "org.aftersales")
class ApiMessages implements ResponseBodyAdvice<Object> {

  private static final Bundle EN = Bundle.load("tabs", Language.EN);
  private static final Bundle ZH = Bundle.load("tabs", Language.ZH_CN);
  private static final Map<String, Pattern> MESSAGES = patterns("message.");
  private static final Map<String, Pattern> FIELDS = patterns("field.");

  private final Languages languages;

  ApiMessages(Languages languages) {
    this.languages = languages;
  }

  @Override
  public boolean supports(MethodParameter returnType, Class<? extends HttpMessageConverter<?>> converterType) {
    return true;
  }

  @Override
  public Object beforeBodyWrite(Object body, MethodParameter returnType, MediaType contentType,
      Class<? extends HttpMessageConverter<?>> converterType, ServerHttpRequest request, ServerHttpResponse response) {
    if (!(body instanceof Map<?, ?> map) || !(map.get("status") instanceof Integer status) || status < 400
        || !(map.get("message") instanceof String message)
        || !(request instanceof ServletServerHttpRequest servlet)) {
      return body;
    }
    response.getHeaders().add("Vary", "Accept-Language");
    Language language = ApiLanguage.of(languages, servlet.getServletRequest());
    if (language == Language.EN) {
      return body;
    }
    Map<Object, Object> localised = new LinkedHashMap<>(map);
    localised.put("message", translate(message, MESSAGES, language));
    if (map.get("fields") instanceof List<?> fields) {
      List<Object> shown = new ArrayList<>();
      for (Object field : fields) {
        shown.add(field instanceof FieldProblem problem
            ? new FieldProblem(problem.field(), translate(problem.message(), FIELDS, language)) : field);
      }
      localised.put("fields", shown);
    }
    return localised;
  }

  /** {@code english} in {@code language}, when one of {@code known} matches it whole; else as it is. */
  static String translate(String english, Map<String, Pattern> known, Language language) {
    if (english == null || language == Language.EN) {
      return english;
    }
    for (Map.Entry<String, Pattern> entry : known.entrySet()) {
      Matcher matcher = entry.getValue().matcher(english);
      if (matcher.matches()) {
        List<String> names = Bundle.placeholders(EN.get(entry.getKey()));
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
          values.put(names.get(i), matcher.group(i + 1));
        }
        String text = ZH.format(entry.getKey(), values);
        return text == null ? english : text;
      }
    }
    return english;
  }

  static String message(String english, Language language) {
    return translate(english, MESSAGES, language);
  }

  static String field(String english, Language language) {
    return translate(english, FIELDS, language);
  }

  private static Map<String, Pattern> patterns(String prefix) {
    Map<String, Pattern> patterns = new LinkedHashMap<>();
    EN.keys().stream().filter(key -> key.startsWith(prefix))
        .forEach(key -> patterns.put(key, Bundle.pattern(EN.get(key), "")));
    return patterns;
  }
}
