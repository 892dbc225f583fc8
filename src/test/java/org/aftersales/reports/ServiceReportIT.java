package org.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * {@code /api/reports/service} as auditors and leads meet it, on PostgreSQL: JSON, CSV, PDF,
 * bad input and who may read. The figures themselves are checked in {@link ServiceReportScenarioTest}.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceReportIT {

  private static final String CUSTOMER = "C-REPORT-IT";
  private static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  Http http;
  String auditor;
  String lead;
  String desk;
  String period;
  int year;

  @BeforeAll
  void casesOfOurCustomer() {
    http = new Http(port);
    auditor = TestUsers.ensure(identityService, "report-auditor", "auditors");
    lead = TestUsers.ensure(identityService, "report-lead", "approver-lead");
    desk = TestUsers.ensure(identityService, "report-desk", "customer-service");
    String request = Cases.exampleJson().replace("C-1001", CUSTOMER);
    for (int i = 0; i < 2; i++) {
      assertThat(http.postJson("/api/cases", request, desk, TestUsers.PASSWORD).statusCode()).isEqualTo(201);
    }
    LocalDate today = LocalDate.now(ZONE);
    period = "from=" + today.minusDays(1) + "&to=" + today.plusDays(1);
    year = today.getYear();
  }

  @Test
  void auditorReadsTheFiguresAsJson() throws Exception {
    HttpResponse<String> answer = get("/api/reports/service?" + period + "&customerId=" + CUSTOMER, auditor);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    JsonNode report = json.readTree(answer.body());
    assertThat(report.get("customerId").asText()).isEqualTo(CUSTOMER);
    assertThat(report.get("customerName").asText()).isEqualTo("Acme Film Studio");
    assertThat(report.get("zone").asText()).isEqualTo("Asia/Shanghai");
    assertThat(report.get("requestsHandled").asLong()).isEqualTo(2);
    assertThat(report.get("firstResponse").get("acknowledged").asLong()).isZero();
    // the API leaves out what has no value (no acknowledged case: no mean)
    assertThat(report.get("firstResponse").has("meanMinutes")).isFalse();
    assertThat(report.get("bugs").asLong()).isZero();
    assertThat(report.get("bugShare").decimalValue()).isEqualByComparingTo("0");
    assertThat(report.get("pureService").asLong()).isEqualTo(2);
    assertThat(report.get("slaBreaches").get("first-response").asLong()).isZero();
    assertThat(report.get("returnedUnits").get("recovered").asLong()).isZero();
    assertThat(report.get("refunds").isArray()).isTrue();
  }

  @Test
  void anUnknownCustomerHasAnEmptyReport() throws Exception {
    HttpResponse<String> answer = get("/api/reports/service?" + period + "&customerId=C-NOBODY", lead);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(answer.body()).get("requestsHandled").asLong()).isZero();
  }

  @Test
  void csvByFormatParameterOrAcceptHeader() {
    for (HttpResponse<String> answer : List.of(
        http.send(http.request("/api/reports/service?" + period + "&customerId=" + CUSTOMER + "&format=csv", lead,
            TestUsers.PASSWORD).header("Accept-Language", "en").GET()),
        http.send(http.request("/api/reports/service?" + period + "&customerId=" + CUSTOMER, auditor,
            TestUsers.PASSWORD).header("Accept", "text/csv").header("Accept-Language", "en-US,zh;q=0.8").GET()))) {
      assertThat(answer.statusCode()).isEqualTo(200);
      assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
          .startsWith("text/csv"));
      assertThat(answer.headers().firstValue("Content-Disposition"))
          .hasValue("inline; filename=\"service-report-" + CUSTOMER + "-" + period.substring(5, 15) + "-"
              + period.substring(19) + ".csv\"");
      List<String> lines = answer.body().lines().toList();
      // UTF-8 with a byte order mark, so that Excel opens Chinese names as they are
      assertThat(lines.get(0)).isEqualTo("\uFEFFfigure,value,unit,definition");
      assertThat(lines).anyMatch(l -> l.startsWith("customerId," + CUSTOMER + ","))
          .anyMatch(l -> l.startsWith("requestsHandled,2,cases,\"Cases (service_case rows) opened"))
          .anyMatch(l -> l.startsWith("firstResponse.meanMinutes,,minutes,"))
          .anyMatch(l -> l.startsWith("pureService,2,cases,"));
      assertThat(answer.headers().firstValue("Vary")).hasValueSatisfying(v -> assertThat(v).contains("Accept-Language"));
    }
  }

  /** Issue 15: the header, units and definitions in the request's language; Chinese when it names none. */
  @Test
  void csvInChineseForAChineseClientAndByDefault() {
    for (HttpResponse<String> answer : List.of(
        get("/api/reports/service?" + period + "&customerId=" + CUSTOMER + "&format=csv", lead),
        http.send(http.request("/api/reports/service?" + period + "&customerId=" + CUSTOMER + "&format=csv", lead,
            TestUsers.PASSWORD).header("Accept-Language", "zh-CN,en;q=0.8").GET()))) {
      assertThat(answer.statusCode()).isEqualTo(200);
      List<String> lines = answer.body().lines().toList();
      assertThat(lines.get(0)).isEqualTo("\uFEFF指标,数值,单位,定义");
      assertThat(lines).anyMatch(l -> l.startsWith("customerId," + CUSTOMER + ",,工单所属的客户"))
          .anyMatch(l -> l.startsWith("requestsHandled,2,工单,期间内受理的工单数"))
          .anyMatch(l -> l.startsWith("pureService,2,工单,"));
    }
  }

  @Test
  void badDatesNameTheField() throws Exception {
    assertBadField(get("/api/reports/service?from=2026-13-01&to=2026-12-31", auditor), "from");
    assertBadField(get("/api/reports/service?from=2026-01-01", auditor), "to");
    assertBadField(get("/api/reports/service?from=2026-02-01&to=2026-01-31", auditor), "to");
    assertBadField(get("/api/reports/service?from=2026-01-01&to=2026-01-31&format=xml", auditor), "format");
    // an error stays JSON when the client asked for CSV
    HttpResponse<String> csvClient = http.send(http.request("/api/reports/service?from=x&to=2026-01-31", auditor,
        TestUsers.PASSWORD).header("Accept", "text/csv").GET());
    assertBadField(csvClient, "from");
    assertBadField(get("/api/reports/service/" + CUSTOMER + ".pdf?year=last", auditor), "year");
    assertBadField(get("/api/reports/service/" + CUSTOMER + ".pdf?year=" + year + "&language=de", auditor), "language");
  }

  @Test
  void staffOutsideTheReadersAreRefused() {
    assertThat(get("/api/reports/service?" + period, desk).statusCode()).isEqualTo(403);
    assertThat(get("/api/reports/service/" + CUSTOMER + ".pdf?year=" + year, desk).statusCode()).isEqualTo(403);
    assertThat(http.get("/api/reports/service?" + period, null, null).statusCode()).isEqualTo(401);
    assertThat(get("/api/reports/service?" + period, TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD).statusCode())
        .isEqualTo(200);
  }

  @Test
  void auditorGetsTheCustomersYearlyPdf() throws Exception {
    HttpResponse<byte[]> answer = http.getBytes("/api/reports/service/" + CUSTOMER + ".pdf?year=" + year, auditor,
        TestUsers.PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(200);
    assertThat(answer.headers().firstValue("Content-Type")).hasValue("application/pdf");
    assertThat(answer.headers().firstValue("Content-Disposition")).hasValueSatisfying(d -> assertThat(d)
        .startsWith("attachment").contains("service-report-" + CUSTOMER + "-" + year + ".pdf"));
    byte[] pdf = answer.body();
    assertThat(new String(pdf, 0, 5, StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      // aftersales.locale defaults to zh-CN
      assertThat(text).contains(year + "年度服务报告", "客户：Acme Film Studio（" + CUSTOMER + "）",
          "受理请求数 0 2 +2", String.valueOf(year - 1));
    }
    byte[] english = http.getBytes("/api/reports/service/" + CUSTOMER + ".pdf?year=" + year + "&language=en",
        auditor, TestUsers.PASSWORD).body();
    try (PDDocument document = Loader.loadPDF(english)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Service report " + year,
          "Customer: Acme Film Studio (" + CUSTOMER + ")");
    }
    assertThat(http.getBytes("/api/reports/service/C-NOBODY.pdf?year=" + year, auditor, TestUsers.PASSWORD)
        .statusCode()).isEqualTo(404);

    // a customer who reads English gets the report in English without asking
    String englishCustomer = CUSTOMER + "-EN";
    assertThat(http.postJson("/api/cases", Cases.exampleJson().replace("\"C-1001\"", "\"" + englishCustomer
        + "\", \"language\": \"en\""), desk, TestUsers.PASSWORD).statusCode()).isEqualTo(201);
    byte[] theirs = http.getBytes("/api/reports/service/" + englishCustomer + ".pdf?year=" + year, auditor,
        TestUsers.PASSWORD).body();
    try (PDDocument document = Loader.loadPDF(theirs)) {
      assertThat(new PDFTextStripper().getText(document)).contains("Service report " + year);
    }
  }

  private HttpResponse<String> get(String path, String user) {
    return get(path, user, TestUsers.PASSWORD);
  }

  private HttpResponse<String> get(String path, String user, String password) {
    return http.get(path, user, password);
  }

  private void assertBadField(HttpResponse<String> answer, String field) throws Exception {
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(400);
    assertThat(answer.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t)
        .startsWith("application/json"));
    assertThat(json.readTree(answer.body()).get("fields").get(0).get("field").asText()).isEqualTo(field);
  }
}
