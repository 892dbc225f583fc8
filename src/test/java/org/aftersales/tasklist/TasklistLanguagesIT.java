package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Base64;
import java.util.List;
import java.util.stream.StreamSupport;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.NewCaseRequest;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 15: what Tasklist reads through its engine API is in the browser's language — a Chinese
 * browser gets Chinese filter names, task names (case number and customer kept), form texts and
 * form-check messages, an English browser the English; keys, values and ids are the same in both.
 */
@PostgresIntegrationTest
class TasklistLanguagesIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String CUSTOMER = "北京光影影视有限公司";
  private static final String ZH = "zh-CN,zh;q=0.9,en;q=0.8";
  private static final String EN = "en-US,en;q=0.9";

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired RepositoryService repositoryService;
  @Autowired CaseIntake intake;

  @Test
  void aChineseBrowserReadsTasklistInChineseAndAnEnglishOneInEnglish() throws IOException {
    String user = TestUsers.ensure(identityService, "lang-desk", "customer-service");
    CaseIntake.OpenedCase opened = intake.open(new NewCaseRequest(
        new NewCaseRequest.Customer("C-8801", CUSTOMER, "北京", 1, "standard"),
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-880001", LocalDate.of(2026, 3, 1)),
        "hotline", "normal", "bug", false, "审批流程在表单修改后停止"), user);
    Task task = taskService.createTaskQuery().processInstanceId(opened.processInstanceId())
        .taskDefinitionKey("AcknowledgeCustomer").singleResult();
    String queue = filterService.createTaskFilterQuery().filterName("Customer service — group queue").singleResult()
        .getId();

    WebappSession chinese = new WebappSession(port, ZH);
    WebappSession english = new WebappSession(port, EN);
    assertThat(chinese.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(english.login("tasklist", user, TestUsers.PASSWORD)).isEqualTo(200);

    // Filters, as Tasklist lists them on its left.
    assertThat(names(chinese.get(ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=100")))
        .contains("客服 — 待认领", "客服 — 已逾期").doesNotContain("Customer service — group queue");
    assertThat(names(english.get(ENGINE + "/filter?resourceType=Task&firstResult=0&maxResults=100")))
        .contains("Customer service — group queue", "Customer service — overdue");
    assertThat(json.readTree(chinese.get(ENGINE + "/filter/" + queue).body()).at("/properties/description").asText())
        .isEqualTo("客服尚未认领的任务");

    // The task in the filter's list and opened.
    String zhName = "受理客户 · " + opened.caseNumber() + " · " + CUSTOMER;
    String enName = "Acknowledge customer · " + opened.caseNumber() + " · " + CUSTOMER;
    assertThat(names(chinese.postJson(ENGINE + "/filter/" + queue + "/list?firstResult=0&maxResults=200", "{}")))
        .contains(zhName).doesNotContain(enName);
    assertThat(names(english.postJson(ENGINE + "/filter/" + queue + "/list?firstResult=0&maxResults=200", "{}")))
        .contains(enName);
    JsonNode zhTask = json.readTree(chinese.get(ENGINE + "/task/" + task.getId()).body());
    assertThat(zhTask.path("name").asText()).isEqualTo(zhName);
    assertThat(zhTask.path("taskDefinitionKey").asText()).isEqualTo("AcknowledgeCustomer");
    assertThat(json.readTree(english.get(ENGINE + "/task/" + task.getId()).body()).path("name").asText())
        .isEqualTo(enName);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getName())
        .as("the engine keeps the English").isEqualTo(enName);

    // Tasklist saves a follow-up date by sending the task back with the name it showed: stored stays English.
    // (Staff may not update tasks here; an administrator may.)
    WebappSession chineseAdmin = new WebappSession(port, ZH);
    assertThat(chineseAdmin.login("tasklist", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isEqualTo(200);
    String due = new java.text.SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(task.getDueDate());
    var saved = chineseAdmin.putJson(ENGINE + "/task/" + task.getId(), json.createObjectNode().put("name", zhName)
        .put("priority", task.getPriority()).put("due", due).put("followUp", due).toString());
    assertThat(saved.statusCode()).as(saved.body()).isEqualTo(204);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getName()).isEqualTo(enName);
    assertThat(taskService.createTaskQuery().taskId(task.getId()).singleResult().getFollowUpDate()).isNotNull();

    // Its form: Chinese texts, the same keys.
    var zhFormAnswer = chinese.get(ENGINE + "/task/" + task.getId() + "/deployed-form");
    assertThat(zhFormAnswer.statusCode()).isEqualTo(200);
    assertThat(zhFormAnswer.headers().allValues("Vary")).anyMatch(v -> v.contains("Accept-Language"));
    JsonNode zhForm = json.readTree(zhFormAnswer.body());
    JsonNode enForm = json.readTree(english.get(ENGINE + "/task/" + task.getId() + "/deployed-form").body());
    assertThat(component(zhForm, "caseNumber").path("label").asText()).isEqualTo("工单号");
    assertThat(component(zhForm, "acknowledgementMessage").path("label").asText()).isEqualTo("给客户的消息");
    assertThat(component(enForm, "acknowledgementMessage").path("label").asText()).isEqualTo("Message to the customer");
    assertThat(keys(zhForm)).isEqualTo(keys(enForm));
    assertThat(zhForm.path("id").asText()).isEqualTo(enForm.path("id").asText()).isEqualTo("service-request-acknowledge");

    // The start form of "Open a case", with its options.
    String start = repositoryService.createProcessDefinitionQuery().processDefinitionKey("service-request")
        .latestVersion().singleResult().getId();
    JsonNode startForm = json.readTree(chinese.get(ENGINE + "/process-definition/" + start + "/deployed-start-form")
        .body());
    JsonNode priority = component(startForm, "priority");
    assertThat(priority.path("label").asText()).isEqualTo("优先级");
    assertThat(StreamSupport.stream(priority.path("values").spliterator(), false).map(v -> v.path("value").asText()))
        .containsExactly("low", "normal", "high", "urgent");
    assertThat(priority.path("values").get(3).path("label").asText()).isEqualTo("紧急");

    // A refused completion, in the reader's language, naming the field by its label.
    String empty = "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"\"}}}";
    var zhRefusal = chinese.postJson(ENGINE + "/task/" + task.getId() + "/submit-form", empty);
    assertThat(zhRefusal.statusCode()).isEqualTo(400);
    JsonNode zhError = json.readTree(zhRefusal.body());
    assertThat(zhError.path("message").asText()).isEqualTo("表单中有内容未通过检查：给客户的消息（acknowledgementMessage）为必填项");
    assertThat(zhError.at("/fields/0/rule").asText()).isEqualTo("required");
    var enRefusal = english.postJson(ENGINE + "/task/" + task.getId() + "/submit-form", empty);
    assertThat(json.readTree(enRefusal.body()).path("message").asText())
        .isEqualTo("The form has invalid fields: Message to the customer (acknowledgementMessage) is required");

    // Completed from the Chinese page: stored as submitted.
    var done = chinese.postJson(ENGINE + "/task/" + task.getId() + "/submit-form",
        "{\"variables\":{\"acknowledgementMessage\":{\"value\":\"您好，我们已收到您的工单。\"}}}");
    assertThat(done.statusCode()).as(done.body()).isEqualTo(204);
  }

  @Test
  void engineRestFollowsTheCallerOrTheConfiguredDefault() throws Exception {
    String start = repositoryService.createProcessDefinitionQuery().processDefinitionKey("service-request")
        .latestVersion().singleResult().getId();
    String path = "/engine-rest/process-definition/" + start + "/deployed-start-form";
    assertThat(component(restForm(path, null), "customerName").path("label").asText())
        .as("aftersales.locale: zh-CN").isEqualTo("客户");
    assertThat(component(restForm(path, "en"), "customerName").path("label").asText()).isEqualTo("Customer");
    assertThat(component(restForm(path, "de-DE,en;q=0.5"), "customerName").path("label").asText())
        .as("another language: the default").isEqualTo("客户");
  }

  private JsonNode restForm(String path, String acceptLanguage) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
        .header("Authorization", "Basic " + Base64.getEncoder().encodeToString(
            (TestUsers.ADMIN + ":" + TestUsers.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8)));
    if (acceptLanguage != null) {
      request.header("Accept-Language", acceptLanguage);
    }
    HttpResponse<String> answer = HttpClient.newHttpClient().send(request.GET().build(),
        HttpResponse.BodyHandlers.ofString());
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return json.readTree(answer.body());
  }

  private List<String> names(HttpResponse<String> answer) throws IOException {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    return StreamSupport.stream(json.readTree(answer.body()).spliterator(), false)
        .map(item -> item.path("name").asText()).toList();
  }

  private static JsonNode component(JsonNode form, String key) {
    for (JsonNode component : form.path("components")) {
      if (key.equals(component.path("key").asText())) {
        return component;
      }
      JsonNode inner = component(component, key);
      if (!inner.isMissingNode()) {
        return inner;
      }
    }
    return com.fasterxml.jackson.databind.node.MissingNode.getInstance();
  }

  private static List<String> keys(JsonNode form) {
    return form.findValuesAsText("key");
  }
}
