package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import org.aftersales.forms.FormEnforcementFilter.Target;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** Which requests the filter checks, on engine-rest and on Tasklist's engine API. */
class FormEnforcementFilterTest {

  @Test
  void matchesTaskCompletionsOnBothPaths() {
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/task/t1/complete"))
        .contains(new Target("t1", null, null, null, false));
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/task/t1/submit-form"))
        .contains(new Target("t1", null, null, null, false));
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/engine/default/task/t1/complete"))
        .contains(new Target("t1", null, null, null, false));
    assertThat(FormEnforcementFilter.target("POST", "/camunda/api/engine/engine/default/task/t1/submit-form"))
        .contains(new Target("t1", null, null, null, true));
  }

  @Test
  void matchesStartFormSubmissions() {
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/process-definition/repair:1:abc/submit-form"))
        .contains(new Target(null, "repair:1:abc", null, null, false));
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/process-definition/key/repair/submit-form"))
        .contains(new Target(null, null, "repair", null, false));
    assertThat(FormEnforcementFilter.target("POST",
        "/camunda/api/engine/engine/default/process-definition/key/repair/tenant-id/acme/submit-form"))
        .contains(new Target(null, null, "repair", "acme", true));
  }

  @Test
  void leavesEverythingElse() {
    assertThat(FormEnforcementFilter.target("GET", "/engine-rest/task/t1/complete")).isEmpty();
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/task/t1/claim")).isEmpty();
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/task/t1/variables")).isEmpty();
    assertThat(FormEnforcementFilter.target("POST", "/engine-rest/process-definition/key/repair/start")).isEmpty();
    assertThat(FormEnforcementFilter.target("POST", "/api/cases")).isEmpty();
    assertThat(FormEnforcementFilter.target("POST", "/camunda/api/tasklist/task/t1/complete")).isEmpty();
  }

  @Test
  void matchesWritesOfTaskVariables() {
    assertThat(FormEnforcementFilter.taskVariableWrite("PUT", "/engine-rest/task/t1/variables/caseNumber"))
        .contains("t1");
    assertThat(FormEnforcementFilter.taskVariableWrite("POST", "/engine-rest/task/t1/localVariables"))
        .contains("t1");
    assertThat(FormEnforcementFilter.taskVariableWrite("DELETE",
        "/camunda/api/engine/engine/default/task/t1/variables/x")).contains("t1");
    assertThat(FormEnforcementFilter.taskVariableWrite("GET", "/engine-rest/task/t1/variables")).isEmpty();
    assertThat(FormEnforcementFilter.taskVariableWrite("POST", "/engine-rest/task/t1/complete")).isEmpty();
  }

  @Test
  void leavesTheShownValuesOutOfWhatTheEngineStores() throws Exception {
    CamundaForm form = CamundaForm.parse("""
        {"id": "f", "components": [
          {"type": "textfield", "key": "arrivalDue", "label": "Arrive by", "readonly": true},
          {"type": "number", "key": "quoteTotal", "label": "Quote total", "disabled": true},
          {"type": "textarea", "key": "arrivalNote", "label": "Note"}]}
        """.getBytes(StandardCharsets.UTF_8));
    JsonNode body = new ObjectMapper().readTree("""
        {"variables": {"arrivalDue": {"value": "2026-11-23T14:00:00"}, "quoteTotal": {"value": 1140},
         "arrivalNote": {"value": "On site"}}}
        """);

    HttpServletRequest passed = FormEnforcementFilter.withoutShownValues(new MockHttpServletRequest(), body, form);

    String sent = new String(passed.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(new ObjectMapper().readTree(sent))
        .isEqualTo(new ObjectMapper().readTree("{\"variables\": {\"arrivalNote\": {\"value\": \"On site\"}}}"));
    assertThat(passed.getContentLength()).isEqualTo(sent.getBytes(StandardCharsets.UTF_8).length);
    assertThat(passed.getHeader("Content-Length")).isEqualTo(String.valueOf(passed.getContentLength()));
  }
}
