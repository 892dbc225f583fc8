package org.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.io.IOException;
import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.aftersales.common.Language;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.repair.RepairOrder;
import org.aftersales.repair.RepairOrderRepository;
import org.aftersales.returns.ReturnOrder;
import org.aftersales.returns.ReturnOrderRepository;
import org.aftersales.servicecase.CaseFeedback;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.NewCaseRequest;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDResources;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Every figure of the service report against cases driven through the real processes at
 * known engine times (Shanghai wall clock, premium contracts: first-response target 240 min,
 * 7x24). Only customer C-REPORT-1 (and C-REPORT-2 for the all-customers view) in March 2031
 * and June 2030, so other classes' cases in the shared context never count.
 *
 * <pre>
 * case  opened        acknowledged (first response)  path                              tasks held (min)
 * A     03-03 10:00   10:30 (30)                     bug, fixed in round 1, rated 5    20+10+30+40+15+30 = 145
 * B     03-04 09:00   14:00 (300, SLA missed)        bug, R&D rejects                  60+20+30+30       = 140
 * C     03-05 10:00   11:00 (60)                     consultation, rated 4             60+5+30+10        = 105
 * D     03-06 10:00   -                              waiting to be acknowledged        0
 * G     04-01 00:30   -                              (in 2031, not in March: 03-31 16:30 UTC)
 * H     03-03 11:00   -                              customer C-REPORT-2
 * F     2030-06-10 10:00  10:20 (20)                 the year before                   0
 * </pre>
 */
@ProcessScenarioTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceReportScenarioTest {

  static final String CUSTOMER = "C-REPORT-1";
  static final LocalDate MARCH_1 = LocalDate.of(2031, 3, 1);
  static final LocalDate MARCH_31 = LocalDate.of(2031, 3, 31);

  @Autowired ProcessEngine engine;
  @Autowired TaskService taskService;
  @Autowired CaseIntake intake;
  @Autowired CaseFeedback feedback;
  @Autowired OutboxDispatcher outbox;
  @Autowired RepairOrderRepository repairOrders;
  @Autowired ReturnOrderRepository returnOrders;
  @Autowired JdbcTemplate jdbc;
  @Autowired ServiceFigures figures;

  ProcessSteps steps;
  String caseA;
  String caseB;
  String caseC;
  String caseD;

  @BeforeAll
  void seed() {
    steps = new ProcessSteps(engine, intake);
    try {
      caseA = bugFixed();
      caseB = bugRejectedAfterALateAnswer();
      caseC = consultation();
      caseD = steps.openAt(at("2031-03-06T10:00"), request(CUSTOMER)).caseNumber();
      steps.openAt(at("2031-04-01T00:30"), request(CUSTOMER));
      steps.openAt(at("2031-03-03T11:00"), request("C-REPORT-2"));
      CaseIntake.OpenedCase lastYear = steps.openAt(at("2030-06-10T10:00"), request(CUSTOMER));
      work("rep-carol", lastYear.processInstanceId(), "AcknowledgeCustomer", "2030-06-10T10:20", "2030-06-10T10:20",
          Map.of("acknowledgementMessage", "On it"));
    } finally {
      ClockUtil.reset();
    }
    units();
    refunds();
  }

  @AfterAll
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void countsTheRequestsOfTheCustomerOpenedInThePeriodInTheServiceZone() {
    ServiceReport report = march();
    assertThat(report.customerId()).isEqualTo(CUSTOMER);
    assertThat(report.zone()).isEqualTo("Asia/Shanghai");
    assertThat(report.requestsHandled()).isEqualTo(4);
    // case G opened 04-01 00:30 in Shanghai (still March in UTC) belongs to April
    assertThat(figures.report(LocalDate.of(2031, 4, 1), LocalDate.of(2031, 4, 1), CUSTOMER).requestsHandled())
        .isEqualTo(1);
    // all customers: C-REPORT-2's case too
    assertThat(figures.report(MARCH_1, MARCH_31, null).requestsHandled()).isEqualTo(5);
    assertThat(figures.report(MARCH_1, MARCH_31, "C-REPORT-NOBODY").requestsHandled()).isZero();
  }

  @Test
  void firstResponseMeanAndNinetiethPercentileByNearestRank() {
    ServiceReport.FirstResponse firstResponse = march().firstResponse();
    assertThat(firstResponse.acknowledged()).isEqualTo(3);
    assertThat(firstResponse.meanMinutes()).isEqualByComparingTo("130.00"); // (30 + 300 + 60) / 3
    assertThat(firstResponse.meanMinutes().scale()).isEqualTo(2);
    assertThat(firstResponse.p90Minutes()).isEqualByComparingTo("300.00"); // rank ceil(0.9 x 3) = 3
  }

  @Test
  void nearestRankPicksTheValueAtCeilingOfTheShare() {
    List<Long> ten = List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L);
    assertThat(ServiceFigures.nearestRank(ten, 90)).isEqualTo(9);
    assertThat(ServiceFigures.nearestRank(List.of(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L, 9L, 10L, 11L), 90)).isEqualTo(10);
    assertThat(ServiceFigures.nearestRank(List.of(7L), 90)).isEqualTo(7);
  }

  @Test
  void bugsTheirShareResolutionRateAndPureService() {
    ServiceReport report = march();
    assertThat(report.bugs()).isEqualTo(2);
    assertThat(report.bugShare()).isEqualByComparingTo("0.5");
    assertThat(report.bugsFixed()).isEqualTo(1);
    assertThat(report.bugResolutionRate()).isEqualByComparingTo("0.5");
    assertThat(report.pureService()).isEqualTo(2);
  }

  @Test
  void serviceTimeIsClaimToCompletionOrStartToCompletionWhenNeverClaimed() {
    ServiceReport.ServiceTime time = march().serviceTime();
    assertThat(time.tasks()).isEqualTo(14);
    assertThat(time.minutes()).isEqualTo(390);
    assertThat(time.hours()).isEqualByComparingTo("6.50");
    assertThat(figures.report(LocalDate.of(2031, 3, 3), LocalDate.of(2031, 3, 3), CUSTOMER).serviceTime().minutes())
        .isEqualTo(145);
    assertThat(figures.report(LocalDate.of(2031, 3, 4), LocalDate.of(2031, 3, 4), CUSTOMER).serviceTime().minutes())
        .isEqualTo(140);
  }

  @Test
  void slaBreachesByKindSatisfactionUnitsAndRefunds() {
    ServiceReport report = march();
    assertThat(report.slaBreaches()).containsExactly(entry("first-response", 1L), entry("on-site-arrival", 0L));
    assertThat(report.satisfaction().rated()).isEqualTo(2);
    assertThat(report.satisfaction().average()).isEqualByComparingTo("4.50");
    assertThat(report.returnedUnits()).isEqualTo(new ServiceReport.ReturnedUnits(2, 1, 1));
    assertThat(report.refunds()).containsExactly(
        new ServiceReport.Refund("full-refund", "CNY", 2, new BigDecimal("1300.49")),
        new ServiceReport.Refund("partial-refund", "CNY", 1, new BigDecimal("300.00")),
        new ServiceReport.Refund("partial-refund", "EUR", 1, new BigDecimal("45.10")));
  }

  @Test
  void anEmptyPeriodHasZeroCountsAndNoAverages() {
    ServiceReport report = figures.report(LocalDate.of(2031, 2, 1), LocalDate.of(2031, 2, 28), CUSTOMER);
    assertThat(report.requestsHandled()).isZero();
    assertThat(report.firstResponse()).isEqualTo(new ServiceReport.FirstResponse(0, null, null));
    assertThat(report.bugShare()).isNull();
    assertThat(report.bugResolutionRate()).isNull();
    assertThat(report.satisfaction().average()).isNull();
    assertThat(report.serviceTime().hours()).isEqualByComparingTo("0");
    assertThat(report.refunds()).isEmpty();
  }

  @Test
  void csvHasOneRowPerFigureWithItsDefinition() {
    String csv = ServiceReportCsv.of(march(), Language.EN);
    List<String> lines = csv.lines().toList();
    assertThat(lines.get(0)).isEqualTo("figure,value,unit,definition");
    assertThat(lines).anyMatch(l -> l.startsWith("customerId,C-REPORT-1,"))
        .anyMatch(l -> l.startsWith("customerName,Report Test Studio,"))
        .anyMatch(l -> l.startsWith("requestsHandled,4,cases,"))
        .anyMatch(l -> l.startsWith("firstResponse.meanMinutes,130.00,minutes,"))
        .anyMatch(l -> l.startsWith("firstResponse.p90Minutes,300.00,minutes,"))
        .anyMatch(l -> l.startsWith("bugShare,0.5000,ratio,"))
        .anyMatch(l -> l.startsWith("serviceTime.hours,6.50,hours,"))
        .anyMatch(l -> l.startsWith("slaBreaches.first-response,1,breaches,"))
        .anyMatch(l -> l.startsWith("satisfaction.average,4.50,"))
        .anyMatch(l -> l.startsWith("returnedUnits.notRecovered,1,units,"))
        .anyMatch(l -> l.startsWith("refunds.full-refund.CNY.amount,1300.49,CNY,"));
  }

  /** Issue 15: the header, units and definitions in Chinese; figure ids and values as in English. */
  @Test
  void csvInChineseHasChineseHeaderUnitsAndDefinitions() {
    List<String> lines = ServiceReportCsv.of(march(), Language.ZH_CN).lines().toList();
    assertThat(lines.get(0)).isEqualTo("指标,数值,单位,定义");
    assertThat(lines).anyMatch(l -> l.startsWith("customerName,Report Test Studio,,客户名称"))
        .anyMatch(l -> l.startsWith("requestsHandled,4,工单,期间内受理的工单数"))
        .anyMatch(l -> l.startsWith("firstResponse.meanMinutes,130.00,分钟,"))
        .anyMatch(l -> l.startsWith("period.to,2031-03-31,日期,时区 Asia/Shanghai。"))
        .anyMatch(l -> l.startsWith("slaBreaches.first-response,1,次超时,"))
        .anyMatch(l -> l.startsWith("refunds.full-refund.CNY.count,"))
        .anyMatch(l -> l.startsWith("refunds.full-refund.CNY.amount,1300.49,CNY,"));
    byte[] file = ServiceReportRequest.csv(march(), Language.ZH_CN);
    assertThat(java.util.Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
  }

  @Test
  void csvFileStartsWithTheByteOrderMarkExcelNeedsAndIsNamedForAnyCustomerId() {
    byte[] file = ServiceReportRequest.csv(march(), Language.EN);
    assertThat(java.util.Arrays.copyOf(file, 3)).containsExactly(0xEF, 0xBB, 0xBF);
    assertThat(new String(file, 3, file.length - 3, java.nio.charset.StandardCharsets.UTF_8))
        .isEqualTo(ServiceReportCsv.of(march(), Language.EN));

    assertThat(ServiceReportRequest.csvContentDisposition(march()))
        .isEqualTo("inline; filename=\"service-report-C-REPORT-1-2031-03-01-2031-03-31.csv\"");
    // A customer id in Chinese: RFC 6266's filename* in UTF-8, which browsers read.
    assertThat(ServiceReportRequest.csvContentDisposition(figures.report(MARCH_1, MARCH_31, "客户甲")))
        .startsWith("inline; ")
        .contains("filename*=UTF-8''service-report-%E5%AE%A2%E6%88%B7%E7%94%B2-2031-03-01-2031-03-31.csv");
  }

  @Test
  void yearlyPdfComparesWithTheYearBefore() throws IOException {
    ServiceReport thisYear = figures.report(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31), CUSTOMER);
    ServiceReport lastYear = figures.report(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), CUSTOMER);
    assertThat(thisYear.requestsHandled()).isEqualTo(5);
    assertThat(lastYear.requestsHandled()).isEqualTo(1);
    assertThat(lastYear.firstResponse().meanMinutes()).isEqualByComparingTo("20.00");
    assertThat(ServiceReportPdf.rows(lastYear, thisYear, ReportTexts.of("en"))).first()
        .isEqualTo(new String[] {"Requests handled", "1", "5", "+4"});
    assertThat(figures.customerName(CUSTOMER)).hasValue("Report Test Studio");
    assertThat(thisYear.customerName()).isEqualTo("Report Test Studio");

    byte[] pdf = ServiceReportPdf.render(new ServiceReportPdf.Yearly(CUSTOMER, "Report Test Studio 北京", 2031,
        thisYear, lastYear), ReportTexts.of("en"));

    assertThat(new String(pdf, 0, 5, java.nio.charset.StandardCharsets.US_ASCII)).isEqualTo("%PDF-");
    try (PDDocument document = Loader.loadPDF(pdf)) {
      assertThat(document.getNumberOfPages()).isEqualTo(1);
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("Service report 2031", "Report Test Studio 北京 (C-REPORT-1)",
          "Requests handled 1 5 +4", "First response, mean (min) 20.00 130.00 +110.00",
          "Bug share (%) 0.00 40.00 +40.00");
    }
  }

  /** Issue 15, point 3: labels in Chinese (aftersales.locale zh-CN), the name as the customer writes it. */
  @Test
  void yearlyPdfInChinesePrintsChineseNamesAndLabelsWithTheEmbeddedFont() throws IOException {
    ServiceReport thisYear = figures.report(LocalDate.of(2031, 1, 1), LocalDate.of(2031, 12, 31), CUSTOMER);
    ServiceReport lastYear = figures.report(LocalDate.of(2030, 1, 1), LocalDate.of(2030, 12, 31), CUSTOMER);

    // 喆 and 堃 are outside GB2312; 𠀀 (Extension B) and the emoji are not in the shipped font.
    byte[] pdf = ServiceReportPdf.render(new ServiceReportPdf.Yearly(CUSTOMER, "北京喆堃影视文化有限公司𠀀😀", 2031,
        thisYear, lastYear), ReportTexts.of("zh-CN"));

    try (PDDocument document = Loader.loadPDF(pdf)) {
      String text = new PDFTextStripper().getText(document);
      assertThat(text).contains("2031年度服务报告", "客户：北京喆堃影视文化有限公司??（C-REPORT-1）",
          "统计范围：2031-01-01 至 2031-12-31", "各项指标与上年对比", "指标 2030 2031 变化",
          "受理请求数 1 5 +4", "首次响应平均时长（分钟） 20.00 130.00 +110.00", "缺陷占比（%） 0.00 40.00 +40.00",
          "SLA 超时：首次响应 0 1 +1", "服务请求", "纯服务");
      PDResources resources = document.getPage(0).getResources();
      List<PDFont> fonts = new java.util.ArrayList<>();
      for (COSName name : resources.getFontNames()) {
        fonts.add(resources.getFont(name));
      }
      assertThat(fonts).singleElement().satisfies(font -> {
        assertThat(font.getName()).endsWith("+NotoSansCJKsc-Regular"); // a subset: ABCDEF+Name
        assertThat(font.isEmbedded()).isTrue();
      });
    }
    // Only the glyphs used are embedded, not the 7 MB font.
    assertThat(pdf.length).isLessThan(200_000);
  }

  // --- seeding ------------------------------------------------------------------------------

  private ServiceReport march() {
    return figures.report(MARCH_1, MARCH_31, CUSTOMER);
  }

  private String bugFixed() {
    CaseIntake.OpenedCase opened = steps.openAt(at("2031-03-03T10:00"), request(CUSTOMER));
    String pi = opened.processInstanceId();
    work("rep-carol", pi, "AcknowledgeCustomer", "2031-03-03T10:10", "2031-03-03T10:30",
        Map.of("acknowledgementMessage", "We are on it"));
    work("rep-carol", pi, "TriageCase", null, "2031-03-03T10:40", Map.of("category", "bug"));
    String bug = steps.calledInstance(pi).getId();
    work("rep-erin", bug, "ReproduceBug", "2031-03-03T10:50", "2031-03-03T11:20",
        Map.of("reproducible", true, "reproductionSteps", "Submit the changed form"));
    steps.executeJob(bug, "OpenRndTicket");
    outbox.dispatchDue();
    work(null, steps.rndDesk(opened.caseNumber(), 1).getId(), "WorkTicket", null, "2031-03-03T12:00",
        Map.of("ticketOutcome", "resolved", "fixVersion", "9.1.1", "rndComment", "Fixed"));
    work("rep-carol", bug, "RetestFix", null, "2031-03-03T12:15", Map.of("retestPassed", true));
    work("rep-carol", pi, "RecordResolution", null, "2031-03-03T12:45",
        Map.of("resolutionSummary", "Fixed in 9.1.1"));
    ProcessSteps.clockAt(at("2031-03-03T13:00"));
    feedback.record(opened.caseNumber(), new CaseFeedback.Rating(5, "fast"));
    return opened.caseNumber();
  }

  private String bugRejectedAfterALateAnswer() {
    CaseIntake.OpenedCase opened = steps.openAt(at("2031-03-04T09:00"), request(CUSTOMER));
    String pi = opened.processInstanceId();
    work("rep-dave", pi, "AcknowledgeCustomer", "2031-03-04T13:00", "2031-03-04T14:00",
        Map.of("acknowledgementMessage", "Sorry for the wait"));
    work("rep-dave", pi, "TriageCase", null, "2031-03-04T14:20", Map.of("category", "bug"));
    String bug = steps.calledInstance(pi).getId();
    work("rep-erin", bug, "ReproduceBug", "2031-03-04T14:20", "2031-03-04T14:50",
        Map.of("reproducible", true, "reproductionSteps", "Open the report twice"));
    steps.executeJob(bug, "OpenRndTicket");
    outbox.dispatchDue();
    work("rep-rnd", steps.rndDesk(opened.caseNumber(), 1).getId(), "WorkTicket", "2031-03-04T15:00",
        "2031-03-04T15:30", Map.of("ticketOutcome", "rejected", "rndComment", "Works as designed"));
    return opened.caseNumber();
  }

  private String consultation() {
    CaseIntake.OpenedCase opened = steps.openAt(at("2031-03-05T10:00"), request(CUSTOMER));
    String pi = opened.processInstanceId();
    work("rep-carol", pi, "AcknowledgeCustomer", "2031-03-05T10:00", "2031-03-05T11:00",
        Map.of("acknowledgementMessage", "Hello"));
    work("rep-carol", pi, "TriageCase", null, "2031-03-05T11:05", Map.of("category", "consultation"));
    work("rep-carol", pi, "AnswerConsultation", null, "2031-03-05T11:35", Map.of("answer", "Use version 2"));
    work("rep-carol", pi, "RecordResolution", null, "2031-03-05T11:45", Map.of("resolutionSummary", "Explained"));
    ProcessSteps.clockAt(at("2031-03-05T12:00"));
    feedback.record(opened.caseNumber(), new CaseFeedback.Rating(4, null));
    return opened.caseNumber();
  }

  /** Claims at {@code claimAt} (null: the task is already assigned, or is completed unclaimed) and completes. */
  private void work(String user, String processInstanceId, String taskKey, String claimAt, String completeAt,
      Map<String, Object> variables) {
    Task task = steps.task(processInstanceId, taskKey);
    if (claimAt != null) {
      ProcessSteps.clockAt(at(claimAt));
      taskService.claim(task.getId(), user);
    }
    ProcessSteps.clockAt(at(completeAt));
    taskService.complete(task.getId(), variables);
  }

  private void units() {
    RepairOrder received = new RepairOrder(caseC);
    received.getUnit().awaited("RMA-REPORT-1");
    received.getUnit().received(at("2031-03-10T10:00"));
    repairOrders.save(received);
    RepairOrder awaited = new RepairOrder(caseA);
    awaited.getUnit().awaited("RMA-REPORT-2");
    repairOrders.save(awaited);
    ReturnOrder returned = new ReturnOrder(caseB);
    returned.getUnit().awaited("RMA-REPORT-3");
    returned.getUnit().received(at("2031-03-11T10:00"));
    returnOrders.save(returned);
    ReturnOrder lost = new ReturnOrder(caseD);
    lost.getUnit().awaited("RMA-REPORT-4");
    lost.getUnit().notRecovered();
    returnOrders.save(lost);
  }

  private void refunds() {
    refund(caseC, "A1", "full-refund", "1200.5000", "CNY", "posted");
    refund(caseC, "A2", "full-refund", "99.9900", "CNY", "settled");
    refund(caseC, "A3", "partial-refund", "300.0000", "CNY", "settled");
    refund(caseB, "A1", "partial-refund", "45.1000", "EUR", "posted");
    refund(caseB, "A2", "write-off", "10.0000", "CNY", "calculated");
    refund(caseB, "A3", "full-refund", "500.0000", "CNY", "rejected");
  }

  private void refund(String caseNumber, String id, String type, String amount, String currency, String status) {
    Timestamp now = Timestamp.from(at("2031-03-12T10:00"));
    jdbc.update("insert into refund_adjustment (case_number, adjustment_id, adjustment_type, posting_kind, amount,"
        + " currency, basis, status, created_at, updated_at, version) values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)",
        caseNumber, id, type, "refund", new BigDecimal(amount), currency, "test", status, now, now);
  }

  private static Instant at(String shanghaiLocal) {
    return ProcessSteps.shanghai(shanghaiLocal);
  }

  static NewCaseRequest request(String customerId) {
    return new NewCaseRequest(
        new NewCaseRequest.Customer(customerId, "Report Test Studio", "Beijing", 1, "premium"),
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-REPORT", LocalDate.of(2030, 1, 15)),
        "hotline", "normal", null, false, "The report shows the wrong totals");
  }
}
