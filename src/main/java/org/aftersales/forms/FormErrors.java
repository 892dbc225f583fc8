package org.aftersales.forms;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.common.Language;

/**
 * The 400 answer to refused form input, shaped like the API's ({@code status, error, message,
 * fields}) with engine-rest's {@code type}, so Tasklist shows the message and clients read the fields.
 */
public final class FormErrors {

  static final String TYPE = "InvalidRequestException";
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private FormErrors() {
  }

  public static Map<String, Object> body(List<FormViolation> violations) {
    return body(violations, null, Language.EN);
  }

  /** As {@link #body(List)}; with the form, the message names each field by the label people read. */
  public static Map<String, Object> body(List<FormViolation> violations, CamundaForm form) {
    return body(violations, form, Language.EN);
  }

  /**
   * In the person's language: {@code message} (what Tasklist shows) and each field's {@code message};
   * {@code field} and {@code rule} are the same in every language.
   */
  public static Map<String, Object> body(List<FormViolation> violations, CamundaForm form, Language language) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", TYPE);
    body.put("status", 400);
    body.put("error", "Bad Request");
    body.put("message", FormMessages.sentence(violations, form, language));
    List<Map<String, String>> fields = new ArrayList<>();
    for (FormViolation violation : violations) {
      Map<String, String> field = new LinkedHashMap<>();
      field.put("field", violation.field());
      field.put("rule", violation.rule());
      field.put("message", FormMessages.message(violation.message(), language));
      fields.add(field);
    }
    body.put("fields", fields);
    return body;
  }

  public static void write(HttpServletResponse response, List<FormViolation> violations) throws IOException {
    write(response, violations, null);
  }

  public static void write(HttpServletResponse response, List<FormViolation> violations, CamundaForm form)
      throws IOException {
    write(response, violations, form, Language.EN);
  }

  public static void write(HttpServletResponse response, List<FormViolation> violations, CamundaForm form,
      Language language) throws IOException {
    response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
    response.addHeader("Vary", "Accept-Language");
    response.setContentType("application/json");
    response.setCharacterEncoding("UTF-8");
    MAPPER.writeValue(response.getOutputStream(), body(violations, form, language));
  }
}
