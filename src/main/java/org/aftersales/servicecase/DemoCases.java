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
    return List.of(
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-1001", "Acme Film Studio", "Beijing", 1, "standard"),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 3, 1)),
            "hotline", "normal", "bug", false, "Approval flow stops after the form was changed"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-2040", "Harbour Logistics", "Ningbo", 2, "premium"),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-004711", LocalDate.of(2025, 11, 20)),
            "portal", "high", "consultation", false, "How do we add a second approver to purchase requests?"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-3300", "Green Valley Clinic", "Chengdu", 1, "standard"),
            new NewCaseRequest.Product("OA-SUITE", "software", "SN-009001", LocalDate.of(2026, 6, 15)),
            "email", "normal", null, true, "Complaint: nobody answered our ticket from last week"),
        new NewCaseRequest(
            new NewCaseRequest.Customer("C-4100", "Lumen Print Shop", "Wuhan", 1, "standard"),
            new NewCaseRequest.Product("PRN-800", "printer", "SN-P-2231", LocalDate.of(2024, 9, 2)),
            "hotline", "normal", "repair", false, "The printer jams on every page and shows error E-12"));
  }
}
