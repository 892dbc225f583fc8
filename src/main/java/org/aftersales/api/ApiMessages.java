package org.aftersales.api;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.common.KnownEnglish;
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

  private static final KnownEnglish MESSAGES = KnownEnglish.of("tabs", key -> key.startsWith("message."));
  private static final KnownEnglish FIELDS = KnownEnglish.of("tabs", key -> key.startsWith("field."));

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
    localised.put("message", MESSAGES.in(language, message));
    if (map.get("fields") instanceof List<?> fields) {
      List<Object> shown = new ArrayList<>();
      for (Object field : fields) {
        shown.add(field instanceof FieldProblem problem
            ? new FieldProblem(problem.field(), FIELDS.in(language, problem.message())) : field);
      }
      localised.put("fields", shown);
    }
    return localised;
  }

  static String message(String english, Language language) {
    return MESSAGES.in(language, english);
  }

  static String field(String english, Language language) {
    return FIELDS.in(language, english);
  }
}
