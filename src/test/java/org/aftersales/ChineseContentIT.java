package org.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URLDecoder;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Issue 15, point 3: a case in Chinese from end to end on PostgreSQL. Opened through
 * {@code POST /api/cases}, with an attachment, an approval and a reviewer's comment; read back
 * unchanged, found in Cockpit's Case history by part of the customer's name, exported as CSV
 * that Excel opens (byte order mark) and as the yearly PDF with Chinese labels.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChineseContentIT {

  private static final byte[] PNG = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 'I', 'H'};
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  // Unique per run, so the search below finds this class's case whatever else the database holds.
  private static final String TAG = "星河" + "甲乙丙丁戊己庚辛壬癸".charAt((int) (System.nanoTime() % 10)) + "影视";
  private static final String CUSTOMER_ID = "C-ZH-" + (System.nanoTime() % 1_000_000);
  // 喆 is outside GB2312: a name many legacy systems cannot hold.
  private static final String CUSTOMER_NAME = "北京" + TAG + "文化传媒有限公司（喆）";
  private static final String DESCRIPTION = "审批流程在修改表单后停止；客户说“提交”按钮没有反应，已重启浏览器。";
  private static final String CONTACT = "王小明 138-0000-0000";
  private static final String FILE_NAME = "故障截图 2026年10月8日.png";
  private static final String SUMMARY = "退款申请：" + CUSTOMER_NAME + "，全额退款 ¥5,000.00";
  private static final String COMMENT = "金额超出本级权限，请补充发票后重新提交。";

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String desk;
  String auditor;
  String lead;
  String caseNumber;
  String caseInstanceId;
  ProcessInstance approval;

  @BeforeAll
  void aChineseCase() throws Exception {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "zh-desk", "customer-service");
    auditor = TestUsers.ensure(identityService, "zh-auditor", "auditors");
    lead = TestUsers.ensure(identityService, "zh-lead", "approver-lead");

    ObjectNode request = json.createObjectNode();
    request.putObject("customer").put("id", CUSTOMER_ID).put("name", CUSTOMER_NAME).put("city", "北京")
        .put("cityTier", 1).put("contractLevel", "standard").put("contact", CONTACT);
    request.putObject("product").put("sku", "OA-SUITE").put("productLine", "software")
        .put("serialNumber", "SN-中文-001").put("purchaseDate", "2026-03-01");
    request.put("channel", "hotline").put("priority", "normal").put("category", "consultation")
        .put("description", DESCRIPTION);
    HttpResponse<String> created = http.postJson("/api/cases", json.writeValueAsString(request), desk,
        TestUsers.PASSWORD);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    JsonNode body = json.readTree(created.body());
    caseNumber = body.get("caseNumber").asText();
    caseInstanceId = body.get("processInstanceId").asText();

    HttpResponse<String> attached = http.postFile("/api/cases/" + caseNumber + "/attachments", "file", FILE_NAME,
        "image/png", PNG, desk, TestUsers.PASSWORD);
    assertThat(attached.statusCode()).as(attached.body()).isEqualTo(201);
    assertThat(json.readTree(attached.body()).get("fileName").asText()).isEqualTo(FILE_NAME);

    // A refund approval for the case, which the lead sends back with a comment.
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", "refund");
    variables.put("amount", 50000);
    variables.put("currency", "CNY");
    variables.put("requester", desk);
    variables.put("region", "east");
    variables.put("department", "service");
    variables.put("summary", SUMMARY);
    approval = runtimeService.startProcessInstanceByKey("approval", caseNumber, variables);
    Task step = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey("ApproveStep")
        .list().stream().filter(t -> lead.equals(t.getAssignee()) || taskService.getIdentityLinksForTask(t.getId())
            .stream().anyMatch(link -> lead.equals(link.getUserId())))
        .findFirst().orElseThrow(() -> new AssertionError("no approval task for " + lead));
    if (step.getAssignee() == null) {
      taskService.claim(step.getId(), lead);
    }
    HttpResponse<String> rejected = http.postJson("/engine-rest/task/" + step.getId() + "/complete",
        "{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"},\"comment\":{\"value\":\"" + COMMENT
            + "\",\"type\":\"String\"}}}", lead, TestUsers.PASSWORD);
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
  }

  @Test
  void theDatabaseStoresUnicode() {
    // PostgreSQL keeps what the encoding it was created with can hold; production needs UTF8 too.
    assertThat(jdbc.queryForObject("show server_encoding", String.class)).isEqualTo("UTF8");
  }

  @Test
  void theCaseReadsBackAsItWasWritten() throws Exception {
    HttpResponse<String> read = http.get("/api/cases/" + caseNumber, auditor, TestUsers.PASSWORD);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("application/json"));
    JsonNode view = json.readTree(read.body());
    assertThat(view.get("customer").get("name").asText()).isEqualTo(CUSTOMER_NAME);
    assertThat(view.get("customer").get("city").asText()).isEqualTo("北京");
    assertThat(view.get("customer").get("contact").asText()).isEqualTo(CONTACT);
    assertThat(view.get("product").get("serialNumber").asText()).isEqualTo("SN-中文-001");
    assertThat(view.get("description").asText()).isEqualTo(DESCRIPTION);

    JsonNode attachment = view.get("attachments").get(0);
    assertThat(attachment.get("fileName").asText()).isEqualTo(FILE_NAME);
    HttpResponse<byte[]> download = http.getBytes(attachment.get("download").asText(), auditor,
        TestUsers.PASSWORD);
    assertThat(download.statusCode()).isEqualTo(200);
    assertThat(download.body()).isEqualTo(PNG);
    // RFC 6266: browsers take the UTF-8 name from filename*
    String disposition = download.headers().firstValue("Content-Disposition").orElseThrow();
    Matcher encoded = Pattern.compile("filename\\*=UTF-8''([^;]+)").matcher(disposition);
    assertThat(encoded.find()).as(disposition).isTrue();
    assertThat(URLDecoder.decode(encoded.group(1).replace("+", "%2B"), StandardCharsets.UTF_8)).isEqualTo(FILE_NAME);

    List<String> comments = new ArrayList<>();
    view.get("timeline").forEach(entry -> {
      if (entry.hasNonNull("comment")) {
        comments.add(entry.get("comment").asText());
      }
    });
    assertThat(comments).contains(COMMENT);

    // The process variables the webapps show hold the same text.
    assertThat(runtimeService.getVariable(caseInstanceId, "customerName")).isEqualTo(CUSTOMER_NAME);
    assertThat(runtimeService.getVariable(caseInstanceId, "description")).isEqualTo(DESCRIPTION);
  }

  @Test
  void theApprovalKeepsItsSummaryAndTheComment() throws Exception {
    HttpResponse<String> read = http.get("/api/approvals/" + approval.getId(), desk, TestUsers.PASSWORD);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    JsonNode view = json.readTree(read.body());
    assertThat(view.get("summary").asText()).isEqualTo(SUMMARY);
    assertThat(view.get("records").toString()).contains(json.writeValueAsString(COMMENT));

    // Cockpit's Case history shows the same records to auditors.
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    HttpResponse<String> records = cockpit.get("/camunda/api/cockpit/plugin/case-history/default/approval-records/"
        + approval.getId());
    assertThat(records.statusCode()).as(records.body()).isEqualTo(200);
    JsonNode list = json.readTree(records.body());
    List<String> comments = new ArrayList<>();
    list.forEach(record -> comments.add(record.path("comment").asText()));
    assertThat(comments).contains(COMMENT);
  }

  @Test
  void caseHistoryFindsTheCaseByPartOfTheChineseName() throws Exception {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    // The query the Case history page sends for "Customer name" (case-history.js, criteria()).
    String query = "{\"variables\":[{\"name\":\"customerName\",\"operator\":\"like\",\"value\":\"%" + TAG
        + "%\"}],\"variableValuesIgnoreCase\":true,\"sorting\":[{\"sortBy\":\"startTime\",\"sortOrder\":\"desc\"}]}";

    HttpResponse<String> found = cockpit.postJson(
        "/camunda/api/engine/engine/default/history/process-instance?firstResult=0&maxResults=50", query);

    assertThat(found.statusCode()).as(found.body()).isEqualTo(200);
    List<String> ids = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    json.readTree(found.body()).forEach(instance -> {
      ids.add(instance.get("id").asText());
      keys.add(instance.path("businessKey").asText());
    });
    assertThat(ids).contains(caseInstanceId);
    assertThat(keys).containsOnly(caseNumber);
    // Another name is not found by that fragment.
    HttpResponse<String> none = cockpit.postJson("/camunda/api/engine/engine/default/history/process-instance/count",
        query.replace(TAG, "南山" + TAG));
    assertThat(json.readTree(none.body()).get("count").asLong()).isZero();
    // And the page shows the name it found as it is (customersOf in case-history.js).
    HttpResponse<String> names = cockpit.get("/camunda/api/engine/engine/default/history/variable-instance"
        + "?variableName=customerName&deserializeValues=false&firstResult=0&maxResults=10&processInstanceIdIn="
        + caseInstanceId);
    assertThat(names.statusCode()).as(names.body()).isEqualTo(200);
    assertThat(json.readTree(names.body()).get(0).get("value").asText()).isEqualTo(CUSTOMER_NAME);
  }

  @Test
  void theCsvStartsWithAByteOrderMarkAndHoldsTheName() {
    LocalDate today = LocalDate.now(ZONE);
    HttpResponse<byte[]> csv = http.getBytes("/api/reports/service?from=" + today.minusDays(1) + "&to="
        + today.plusDays(1) + "&customerId=" + CUSTOMER_ID + "&format=csv", auditor, TestUsers.PASSWORD);

    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type")).hasValueSatisfying(type -> assertThat(type)
        .startsWith("text/csv").containsIgnoringCase("charset=UTF-8"));
    byte[] bytes = csv.body();
    assertThat(Arrays.copyOf(bytes, 3)).isEqualTo(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
    String text = new String(bytes, 3, bytes.length - 3, StandardCharsets.UTF_8);
    // no Accept-Language: the header, units and definitions in Chinese (aftersales.locale, zh-CN)
    assertThat(text).startsWith("指标,数值,单位,定义\r\n")
        .contains("\r\ncustomerName," + CUSTOMER_NAME + ",,")
        .contains("\r\nrequestsHandled,1,工单,");
  }

  @Test
  void theYearlyPdfPrintsTheChineseNameAndLabels() throws Exception {
    int year = LocalDate.now(ZONE).getYear();
    HttpResponse<byte[]> answer = http.getBytes("/api/reports/service/" + CUSTOMER_ID + ".pdf?year=" + year, auditor,
        TestUsers.PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(200);
    try (PDDocument document = Loader.loadPDF(answer.body())) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains(year + "年度服务报告", "客户：" + CUSTOMER_NAME + "（" + CUSTOMER_ID + "）",
          "受理请求数 0 1 +1", "纯服务数 0 1 +1", "各项指标与上年对比", "指标 " + (year - 1) + " " + year + " 变化");
    }
  }
}
