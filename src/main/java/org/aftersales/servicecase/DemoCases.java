package org.aftersales.servicecase;

import java.time.LocalDate;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Sample cases for the demo profile, opened once (when there is no case at all). */
@Component
@Profile("demo")
class DemoCases {

  private static final Logger LOG = LoggerFactory.getLogger(DemoCases.class);

  private final CaseIntake intake;
  private final ServiceCaseRepository cases;

  DemoCases(CaseIntake intake, ServiceCaseRepository cases) {
    this.intake = intake;
    this.cases = cases;
  }

  @EventListener(ApplicationReadyEvent.class)
  void open() {
    if (cases.count() > 0) {
      return;
    }
    for (NewCaseRequest request : samples()) {
      intake.open(request, "demo");
    }
    LOG.info("Demo: opened {} sample cases; log in to Tasklist as 'service' / 'demo'", samples().size());
  }

  static List<NewCaseRequest> samples() {
    // Chinese customers, as the teams this is for have them; one who reads English, told things in English
    return List.of(
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-1001", "北京光影影视有限公司", "北京", 1, "standard", "李女士 138 0000 0000", null),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 3, 1)),
            "hotline", "normal", "bug", false, "修改采购申请表单后，审批流程停在第一步不再往下走"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-2040", "宁波港联物流有限公司", "宁波", 2, "premium", null, null),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-004711", LocalDate.of(2025, 11, 20)),
            "portal", "high", "consultation", false, "采购申请怎样增加第二位审批人？"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-3300", "成都青谷诊所", "成都", 1, "standard", null, null),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-009001", LocalDate.of(2026, 6, 15)),
            "email", "normal", null, true, "投诉：上周提交的工单到现在还没有人回复"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-4100", "Lumen Print Shop", "Wuhan", 1, "standard", null, "en"),
            new NewCaseRequest.Product("PRN-800", "printer", "SN-P-2231", LocalDate.of(2024, 9, 2)),
            "hotline", "normal", "repair", false, "The printer jams on every page and shows error E-12"));
  }
}
