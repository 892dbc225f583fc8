package org.aftersales.approval;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aftersales.identity.TasklistFilters;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 14, point 3: any staff member requests a generic approval from Tasklist's Start process,
 * follows it in "My requests", and urges or withdraws it with the webapp session through the same
 * {@code /api/approvals} operations (CSRF respected).
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApprovalStartFormIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired TasklistFilters tasklistFilters;

  String requester;
  String lead;
  String auditor;

  @BeforeAll
  void users() {
    requester = TestUsers.ensure(identityService, "oa-requester", "qa");
    lead = TestUsers.ensure(identityService, "oa-lead", "approver-lead");
    auditor = TestUsers.ensure(identityService, "oa-auditor", "auditors");
    tasklistFilters.refresh(); // new people get their filters (otherwise within a minute)
  }

  private WebappSession tasklist(String user) {
    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);
    return session;
  }

  private String approvalDefinitionId(WebappSession session) throws Exception {
    JsonNode startable = json.readTree(session.get(ENGINE + "/process-definition?latestVersion=true&active=true"
        + "&startableInTasklist=true&startablePermissionCheck=true&firstResult=0&maxResults=15").body());
    List<String> keys = new ArrayList<>();
    startable.forEach(definition -> keys.add(definition.get("key").asText()));
    assertThat(keys).containsExactly("approval");
    return startable.get(0).get("id").asText();
  }

  private JsonNode request(WebappSession session, String title) throws Exception {
    HttpResponse<String> started = session.postJson(ENGINE + "/process-definition/" + approvalDefinitionId(session)
        + "/submit-form", "{\"variables\":{\"title\":{\"value\":\"" + title + "\"},\"amount\":{\"value\":1280.5},"
        + "\"currency\":{\"value\":\"CNY\"},\"department\":{\"value\":\"qa\"},"
        + "\"summary\":{\"value\":\"Two calibration weights for the lab\"}}}");
    assertThat(started.statusCode()).as(started.body()).isEqualTo(200);
    return json.readTree(started.body());
  }

  @Test
  void aStaffMemberRequestsFollowsUrgesAndWithdrawsAnApprovalInTasklist() throws Exception {
    WebappSession session = tasklist(requester);
    JsonNode started = request(session, "Calibration weights");
    String id = started.get("id").asText();
    assertThat(started.get("businessKey").asText()).matches("OA-\\d{4}-[0-9A-F]{8}");
    assertThat(runtimeService.getVariable(id, "requester")).isEqualTo(requester);
    assertThat(runtimeService.getVariable(id, "subjectType")).isEqualTo("generic");
    Task step = taskService.createTaskQuery().processInstanceId(id).singleResult();
    assertThat(step.getName()).isEqualTo("Team lead approval: Calibration weights");

    // "My requests" lists the step waiting for the lead; the requester may read it, not decide it
    Filter mine = filterService.createFilterQuery().filterName("My requests").filterOwner(requester).singleResult();
    JsonNode listed = json.readTree(session.postJson(ENGINE + "/filter/" + mine.getId()
        + "/list?firstResult=0&maxResults=15", "{}").body());
    assertThat(listed.toString()).contains(step.getId());
    assertThat(session.postJson(ENGINE + "/task/" + step.getId() + "/submit-form",
        "{\"variables\":{\"decision\":{\"value\":\"approve\"}}}").statusCode()).isEqualTo(403);

    // the tab's view: records and what this reader may do, through /api with the webapp session
    JsonNode view = json.readTree(session.get("/api/approvals/" + id).body());
    assertThat(view.get("operations").toString()).contains("urge", "withdraw", "copy").doesNotContain("transfer");
    JsonNode leadView = json.readTree(tasklist(lead).get("/api/approvals/" + id).body());
    assertThat(leadView.get("operations").toString()).contains("transfer", "return").doesNotContain("withdraw");

    // changes need the session's CSRF token, as the webapps send it
    HttpResponse<String> forged = session.postWithoutCsrf("/api/approvals/" + id + "/urge", "{}");
    assertThat(forged.statusCode()).isEqualTo(403);
    HttpResponse<String> urged = session.postJson("/api/approvals/" + id + "/urge", "{\"comment\":\"Needed Friday\"}");
    assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
    HttpResponse<String> again = session.postJson("/api/approvals/" + id + "/urge", "{}");
    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(json.readTree(again.body()).get("message").asText()).contains("urge again after");
    HttpResponse<String> withdrawn = session.postJson("/api/approvals/" + id + "/withdraw", "{\"comment\":\"Bought elsewhere\"}");
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(id).count()).isZero();
    JsonNode records = json.readTree(session.get("/api/approvals/" + id).body()).get("records");
    assertThat(records.toString()).contains("urged", "withdrawn");
  }

  @Test
  void onlyTheFormsFieldsAndSaneValuesStartAnApproval() throws Exception {
    WebappSession session = tasklist(requester);
    String submit = ENGINE + "/process-definition/" + approvalDefinitionId(session) + "/submit-form";
    long before = runtimeService.createProcessInstanceQuery().processDefinitionKey("approval").count();
    HttpResponse<String> negative = session.postJson(submit, "{\"variables\":{\"title\":{\"value\":\"Refund\"},"
        + "\"amount\":{\"value\":-5},\"currency\":{\"value\":\"CNY\"},\"department\":{\"value\":\"qa\"}}}");
    assertThat(negative.statusCode()).as(negative.body()).isEqualTo(400);
    assertThat(negative.body()).contains("Amount (amount)");
    // the engine-rest way: a requester or subject type of one's own choosing is refused
    HttpResponse<String> forged = session.postJson(ENGINE + "/process-definition/key/approval/start",
        "{\"variables\":{\"title\":{\"value\":\"x\"},\"amount\":{\"value\":1},\"currency\":{\"value\":\"CNY\"},"
            + "\"department\":{\"value\":\"qa\"},\"requester\":{\"value\":\"oa-lead\"}}}");
    assertThat(forged.statusCode()).as(forged.body()).isEqualTo(400);
    assertThat(forged.body()).contains("requester");
    // auditors change nothing, requesting included
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(cockpit.postJson(submit, "{\"variables\":{}}").statusCode()).isEqualTo(403);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("approval").count()).isEqualTo(before);
  }
}
