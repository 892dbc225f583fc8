package org.aftersales.repair;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.bugloop.ProductFeedback;
import org.aftersales.bugloop.ProductFeedbackRepository;
import org.aftersales.common.TaskInputException;
import org.aftersales.integration.finance.FinanceEvent;
import org.aftersales.integration.finance.FinanceEvents;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostingRepository;
import org.aftersales.integration.logistics.LogisticsEvent;
import org.aftersales.integration.logistics.LogisticsEvents;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.aftersales.integration.logistics.Shipment;
import org.aftersales.integration.logistics.ShipmentRepository;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.CaseSlaRepository;
import org.aftersales.servicecase.NewCaseRequest;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every path of {@code repair}, started from a real service case triaged as a repair: warranty
 * or quote (accepted by API or by sales, declined, lapsed, discounted through approval), then
 * on site (arrival SLA on the contract's clock), at the depot (pick-up, QA loop, shipment back,
 * unit never returned) or by parts (fitted, or a technician after all).
 */
@ProcessScenarioTest
class RepairScenarioTest {

  private static final Instant MONDAY_10 = ProcessSteps.MONDAY_10_SHANGHAI;
  private static final Instant FRIDAY_16 = ProcessSteps.shanghai("2026-11-27T16:00");

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseIntake intake;
  @Autowired RepairOrderRepository orders;
  @Autowired CaseSlaRepository slas;
  @Autowired ProductFeedbackRepository feedback;
  @Autowired ShipmentRepository shipments;
  @Autowired FinancePostingRepository postings;
  @Autowired LogisticsEvents logisticsEvents;
  @Autowired FinanceEvents financeEvents;
  @Autowired QuoteDecisions quoteDecisions;
  @Autowired org.aftersales.approval.ApprovalOperations approvals;
  @Autowired OutboxRepository outbox;
  @Autowired OutboxDispatcher dispatcher;

  private ProcessSteps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new ProcessSteps(engine, intake);
    TestUsers.ensure(identityService, "eng1", "after-sales");
    TestUsers.ensure(identityService, "tech1", "field-service");
    TestUsers.ensure(identityService, "tech2", "field-service");
    TestUsers.ensure(identityService, "qa1", "qa");
    TestUsers.ensure(identityService, "sales1", "sales");
    TestUsers.ensure(identityService, "mgr1", "approver-manager");
    identityService.setUserInfo("eng1", "manager", "mgr1");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // --- helpers ------------------------------------------------------------------------------

  record RepairCase(String caseNumber, ProcessInstance serviceRequest, ProcessInstance repair) {
  }

  /** A case opened at {@code at}, acknowledged and triaged as a repair: the repair waits at "Assess fault". */
  RepairCase open(Instant at, String productLine, LocalDate purchased, int cityTier, String contractLevel) {
    NewCaseRequest request = new NewCaseRequest(
        new NewCaseRequest.Customer("C-2001", "Lumen Print Shop", cityTier == 1 ? "Shanghai" : "Yichang", cityTier,
            contractLevel),
        new NewCaseRequest.Product("UNIT-9", productLine, "SN-" + System.nanoTime(), purchased),
        "hotline", "normal", null, false, "The unit does not start");
    CaseIntake.OpenedCase opened = steps.openAt(at, request);
    steps.complete("desk1", opened.processInstanceId(), "AcknowledgeCustomer",
        Map.of("acknowledgementMessage", "We will repair it"));
    steps.complete("desk1", opened.processInstanceId(), "TriageCase", Map.of("category", "repair"));
    ProcessInstance repair = steps.calledInstance(opened.processInstanceId());
    assertThat(repair).isWaitingAt("AssessFault");
    assertThat(repair.getBusinessKey()).isEqualTo(opened.caseNumber());
    return new RepairCase(opened.caseNumber(), steps.instance(opened.processInstanceId()), repair);
  }

  void assess(RepairCase c, String damageCause, String faultType) {
    steps.complete("eng1", c.repair().getId(), "AssessFault",
        Map.of("damageCause", damageCause, "faultType", faultType, "faultNotes", "Power supply dead"));
  }

  void confirmMode(RepairCase c, String mode, String partsList) {
    Map<String, Object> form = new HashMap<>();
    form.put("repairMode", mode);
    form.put("partsList", partsList);
    steps.complete("eng1", c.repair().getId(), "ConfirmRepairMode", form);
  }

  void prepareQuote(RepairCase c, double listPrice, double discountPercent) {
    steps.complete("eng1", c.repair().getId(), "PrepareQuote", Map.of("quoteListPrice", listPrice,
        "quoteDiscountPercent", discountPercent, "quoteCurrency", "CNY", "quoteDetails", "New power board"));
  }

  void closeRepair(RepairCase c) {
    steps.complete("eng1", c.repair().getId(), "RecordRootCause",
        Map.of("rootCause", "component-failure", "defectCode", "PWR-012", "rootCauseNotes", "Capacitor C12"));
  }

  RepairOrder order(RepairCase c) {
    return orders.findByCaseNumber(c.caseNumber()).orElseThrow();
  }

  Object variable(RepairCase c, String name) {
    return runtimeService.getVariable(c.repair().getId(), name);
  }

  List<String> customerNotices(RepairCase c) {
    return outbox.findByCaseNumberOrderById(c.caseNumber()).stream()
        .filter(m -> m.getType().equals("notification.send") && m.getPayload().contains("\"recipientType\":\"customer\""))
        .map(m -> m.getPayload().replaceAll(".*\"kind\":\"([^\"]+)\".*", "$1")).toList();
  }

  Shipment shipment(RepairCase c, String kind) {
    return shipments.findByCaseNumberOrderById(c.caseNumber()).stream().filter(s -> s.getKind().equals(kind))
        .reduce((first, second) -> second).orElseThrow(() -> new AssertionError("no " + kind + " shipment"));
  }

  void moveClockTo(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  void moveClock(Duration by) {
    moveClockTo(ClockUtil.getCurrentTime().toInstant().plus(by));
  }

  List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getGroupId() != null)
        .map(l -> l.getGroupId()).sorted().toList();
  }

  // --- in warranty, on site -------------------------------------------------------------------

  @Test
  void inWarrantyOnSiteRepairMeetsTheArrivalTargetAndBecomesProductFeedback() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2026, 3, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");

    assertThat(c.repair()).hasPassed("CheckWarranty").isWaitingAt("ConfirmRepairMode");
    assertThat(variable(c, "inWarranty")).isEqualTo(true);
    assertThat(variable(c, "warrantyMonths")).isEqualTo(24);
    assertThat(variable(c, "repairMode")).as("the form starts with the proposal").isEqualTo("on-site");
    assertThat(order(c).getInWarranty()).isTrue();
    assertThat(order(c).getQuoteStatus()).isNull();

    confirmMode(c, "on-site", null);
    // tier-1 city, standard contract: 4 business hours from Monday 10:00
    Task job = steps.task(c.repair().getId(), "ArriveOnSite");
    assertThat(job.getDueDate().toInstant()).isEqualTo(ProcessSteps.shanghai("2026-11-23T14:00"));
    assertThat(candidateGroups(job)).containsExactly("field-service");
    assertThat(variable(c, "arrivalWarnAt")).isEqualTo(Date.from(ProcessSteps.shanghai("2026-11-23T13:00")));
    assertThat(job.getFollowUpDate().toInstant()).as("follow up at the warning").isEqualTo(
        ProcessSteps.shanghai("2026-11-23T13:00"));

    moveClockTo(ProcessSteps.shanghai("2026-11-23T10:20"));
    taskService.claim(job.getId(), "tech1");
    assertThat(order(c).getTechnician()).isEqualTo("tech1");
    assertThat(order(c).getJobAcceptedAt()).isEqualTo(ProcessSteps.shanghai("2026-11-23T10:20"));
    moveClockTo(ProcessSteps.shanghai("2026-11-23T12:30"));
    taskService.complete(job.getId(), Map.of("arrivalNote", "On site"));

    CaseSla arrival = slas.findByCaseNumberAndKind(c.caseNumber(), CaseSla.ON_SITE_ARRIVAL).orElseThrow();
    assertThat(arrival.getStatus()).isEqualTo(CaseSla.MET);
    assertThat(arrival.getTargetMinutes()).isEqualTo(240);
    assertThat(order(c).getArrivedAt()).isEqualTo(ProcessSteps.shanghai("2026-11-23T12:30"));
    Task report = steps.task(c.repair().getId(), "RepairOnSite");
    assertThat(report.getAssignee()).as("the technician who arrived writes the report").isEqualTo("tech1");

    moveClockTo(ProcessSteps.shanghai("2026-11-23T15:00"));
    taskService.complete(report.getId(), Map.of("workPerformed", "Replaced the power board",
        "customerSignedBy", "Ms Lin", "repairSuccessful", true));
    assertThat(order(c).getCompletedAt()).isEqualTo(ProcessSteps.shanghai("2026-11-23T15:00"));
    closeRepair(c);

    assertThat(c.repair()).isEnded().hasPassed("RecordRepairFeedback", "NotifyRepairDone");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "defectCode")).isEqualTo("PWR-012");
    ProductFeedback fed = feedback.findAll().stream().filter(f -> f.getCaseNumber().equals(c.caseNumber()))
        .findFirst().orElseThrow();
    assertThat(fed.getSource()).isEqualTo("repair");
    assertThat(fed.getReference()).isEqualTo("PWR-012");
    assertThat(fed.getSummary()).contains("component-failure", "Power supply dead", "Capacitor C12");
    assertThat(order(c).getRootCause()).isEqualTo("component-failure");
    assertThat(customerNotices(c)).contains("repair-in-warranty", "repair-on-site", "repair-technician-assigned",
        "repair-done");
  }

  @Test
  void arrivalCountsBusinessHoursWarnsBeforeAndEscalatesAtTheBreachWithoutStoppingTheJob() {
    RepairCase c = open(FRIDAY_16, "hardware", LocalDate.of(2026, 6, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    moveClockTo(ProcessSteps.shanghai("2026-11-27T17:00"));
    confirmMode(c, "on-site", null);

    // Friday 17:00 + 4 business hours = Monday 12:00; the warning at 3 hours = Monday 11:00
    Task job = steps.task(c.repair().getId(), "ArriveOnSite");
    assertThat(job.getDueDate().toInstant()).isEqualTo(ProcessSteps.shanghai("2026-11-30T12:00"));
    moveClockTo(ProcessSteps.shanghai("2026-11-30T10:59"));
    assertThat(steps.isDue(c.repair().getId(), "ArrivalAtRisk")).isFalse();
    moveClockTo(ProcessSteps.shanghai("2026-11-30T11:00"));
    steps.executeJob(c.repair().getId(), "ArrivalAtRisk");
    assertThat(c.repair()).isWaitingAt("ArriveOnSite");
    CaseSla sla = slas.findByCaseNumberAndKind(c.caseNumber(), CaseSla.ON_SITE_ARRIVAL).orElseThrow();
    assertThat(sla.getWarnedAt()).isEqualTo(ProcessSteps.shanghai("2026-11-30T11:00"));
    assertThat(sla.getStatus()).isEqualTo(CaseSla.RUNNING);

    assertThat(steps.isDue(c.repair().getId(), "ArrivalOverdue")).isFalse();
    moveClockTo(ProcessSteps.shanghai("2026-11-30T12:00"));
    steps.executeJob(c.repair().getId(), "ArrivalOverdue");
    assertThat(c.repair()).isWaitingAt("ArriveOnSite");
    job = steps.task(c.repair().getId(), "ArriveOnSite");
    assertThat(job.getPriority()).isEqualTo(EscalateArrivalBreach.ESCALATED_PRIORITY);
    assertThat(candidateGroups(job)).as("only technicians report arrival").containsExactly("field-service");
    assertThat(slas.findByCaseNumberAndKind(c.caseNumber(), CaseSla.ON_SITE_ARRIVAL).orElseThrow().getStatus())
        .isEqualTo(CaseSla.MISSED);

    moveClockTo(ProcessSteps.shanghai("2026-11-30T13:00"));
    steps.complete("tech2", job, Map.of());
    assertThat(slas.findByCaseNumberAndKind(c.caseNumber(), CaseSla.ON_SITE_ARRIVAL).orElseThrow().getStatus())
        .as("a late arrival stays a breach").isEqualTo(CaseSla.MISSED);
    assertThat(order(c).getTechnician()).isEqualTo("tech2");
  }

  @Test
  void premiumContractOutsideTierOneCitiesCountsTwelveHoursAroundTheClock() {
    RepairCase c = open(FRIDAY_16, "hardware", LocalDate.of(2026, 6, 1), 3, "premium");
    assess(c, "normal-use", "hardware-fault");
    moveClockTo(ProcessSteps.shanghai("2026-11-27T17:00"));
    confirmMode(c, "on-site", null);

    Task job = steps.task(c.repair().getId(), "ArriveOnSite");
    assertThat(job.getDueDate().toInstant()).isEqualTo(ProcessSteps.shanghai("2026-11-28T05:00"));
    assertThat(slas.findByCaseNumberAndKind(c.caseNumber(), CaseSla.ON_SITE_ARRIVAL).orElseThrow().getTargetMinutes())
        .isEqualTo(720);
  }

  @Test
  void repairThatFailsOnSiteContinuesAtTheDepot() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2026, 6, 1), 1, "premium");
    assess(c, "normal-use", "hardware-fault");
    confirmMode(c, "on-site", null);
    steps.complete("tech1", c.repair().getId(), "ArriveOnSite", Map.of());
    steps.complete("tech1", c.repair().getId(), "RepairOnSite", Map.of("workPerformed", "Tried a new board",
        "customerSignedBy", "Ms Lin", "repairSuccessful", false));

    assertThat(c.repair()).isWaitingAt("RequestPickUp");
  }

  // --- depot -------------------------------------------------------------------------------

  @Test
  void depotRepairPicksUpTheUnitLoopsThroughQaAndShipsItBack() {
    RepairCase c = open(MONDAY_10, "display", LocalDate.of(2026, 6, 1), 2, "standard");
    assess(c, "normal-use", "hardware-fault");
    assertThat(variable(c, "proposedRepairMode")).isEqualTo("depot");
    confirmMode(c, "depot", null);

    assertThat(c.repair()).isWaitingAt("RequestPickUp");
    steps.executeJob(c.repair().getId(), "RequestPickUp");
    assertThat(c.repair()).isWaitingAt("AwaitUnit");
    Shipment pickUp = shipment(c, "pick-up");
    String rma = "RMA-" + c.caseNumber().substring(3);
    assertThat(pickUp.getRmaNumber()).isEqualTo(rma);
    assertThat(variable(c, "trackingNumber")).isEqualTo(pickUp.getTrackingNumber());
    assertThat(order(c).getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.AWAITED);
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).extracting(m -> m.getType())
        .containsOnlyOnce("logistics.shipment");

    // the carrier reports; a repeated or late report changes nothing
    assertThat(logisticsEvents.apply(new LogisticsEvent(pickUp.getTrackingNumber(), "picked-up", c.caseNumber() + "/c-1", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(c.repair()).isWaitingAt("AwaitUnit");
    assertThat(logisticsEvents.apply(new LogisticsEvent(pickUp.getTrackingNumber(), "received", c.caseNumber() + "/c-2", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.APPLIED);
    assertThat(logisticsEvents.apply(new LogisticsEvent(pickUp.getTrackingNumber(), "received", c.caseNumber() + "/c-2", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.DUPLICATE);
    assertThat(logisticsEvents.apply(new LogisticsEvent(pickUp.getTrackingNumber(), "picked-up", c.caseNumber() + "/c-3", null, null)))
        .isEqualTo(LogisticsEvents.Outcome.LATE);

    assertThat(c.repair()).as("the carrier's call only hands the event over").isWaitingAt("ConfirmUnitReceipt");
    steps.executeJob(c.repair().getId(), "ConfirmUnitReceipt");
    assertThat(c.repair()).hasPassed("ConfirmUnitReceipt").isWaitingAt("DiagnoseUnit");
    assertThat(order(c).getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.RECEIVED);
    steps.complete("eng1", c.repair().getId(), "DiagnoseUnit", Map.of("diagnosis", "Cracked backlight"));
    steps.complete("eng1", c.repair().getId(), "RepairAtDepot", Map.of("repairNotes", "New backlight"));
    assertThat(candidateGroups(steps.task(c.repair().getId(), "QaCheck"))).containsExactly("qa");

    assertThatThrownBy(() -> steps.complete("qa1", c.repair().getId(), "QaCheck", Map.of("qaPassed", false)))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("qaNotes");
    steps.complete("qa1", c.repair().getId(), "QaCheck", Map.of("qaPassed", false, "qaNotes", "Flickers"));
    assertThat(c.repair()).isWaitingAt("RepairAtDepot");
    steps.complete("eng1", c.repair().getId(), "RepairAtDepot", Map.of("repairNotes", "Fixed the connector"));
    steps.complete("qa1", c.repair().getId(), "QaCheck", Map.of("qaPassed", true));
    assertThat(order(c).getQaFailures()).isEqualTo(1);

    steps.executeJob(c.repair().getId(), "ShipUnitBack");
    assertThat(c.repair()).isWaitingAt("AwaitReturnDelivery");
    Shipment back = shipment(c, "outbound");
    assertThat(variable(c, "trackingNumber")).isEqualTo(back.getTrackingNumber());
    assertThat(back.getTrackingNumber()).isNotEqualTo(pickUp.getTrackingNumber());
    assertThatThrownBy(() -> logisticsEvents.apply(
        new LogisticsEvent(back.getTrackingNumber(), "received", null, null, null)))
        .as("an outbound shipment is delivered, not received").isInstanceOf(ApiException.class);
    logisticsEvents.apply(new LogisticsEvent(back.getTrackingNumber(), "delivered", c.caseNumber() + "/c-4", null, null));

    assertThat(c.repair()).isWaitingAt("RecordRootCause");
    closeRepair(c);
    assertThat(c.repair()).isEnded();
    assertThat(feedback.findAll()).anyMatch(f -> f.getCaseNumber().equals(c.caseNumber())
        && f.getSummary().contains("Cracked backlight") && f.getSummary().contains("QA checks failed"));
    assertThat(customerNotices(c)).contains("repair-pick-up", "repair-unit-received", "repair-shipped",
        "repair-done");
  }

  @Test
  void unitThatNeverArrivesIsRemindedEscalatedThenFlaggedAsNotRecovered() {
    RepairCase c = open(MONDAY_10, "display", LocalDate.of(2026, 6, 1), 2, "standard");
    assess(c, "normal-use", "hardware-fault");
    confirmMode(c, "depot", null);
    steps.executeJob(c.repair().getId(), "RequestPickUp");
    String tracking = (String) variable(c, "trackingNumber");

    moveClock(Duration.ofDays(3).plusMinutes(1));
    steps.executeJob(c.repair().getId(), "UnitReminderDue");
    moveClock(Duration.ofDays(3));
    steps.executeJob(c.repair().getId(), "UnitReminderDue");
    assertThat(c.repair()).isWaitingAt("AwaitUnit");
    assertThat(customerNotices(c).stream().filter("repair-unit-reminder"::equals)).hasSize(2);

    moveClockTo(MONDAY_10.plus(Duration.ofDays(10)));
    steps.executeJob(c.repair().getId(), "UnitOverdue");
    assertThat(c.repair()).isWaitingAt("AwaitUnit");
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m -> m.getPayload().contains("unit-overdue"));

    moveClockTo(MONDAY_10.plus(Duration.ofDays(30)));
    steps.executeJob(c.repair().getId(), "UnitGivenUp");

    assertThat(c.repair()).isEnded().hasPassed("FlagUnitNotRecovered", "UnitNotRecovered");
    assertThat(order(c).getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.NOT_RECOVERED);
    assertThat(shipments.findByTrackingNumber(tracking).orElseThrow().getStatus()).isEqualTo("cancelled");
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m -> m.getType().equals("logistics.cancel"));
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m ->
        m.getPayload().contains("\"recipient\":\"finance\"") && m.getPayload().contains("unit-not-recovered"));
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "repairEndedBy"))
        .isEqualTo("UNIT_NOT_RECOVERED");
    // the carrier finds it afterwards: nobody waits for it any more
    assertThatThrownBy(() -> logisticsEvents.apply(new LogisticsEvent(tracking, "received", null, null, null)))
        .isInstanceOf(ApiException.class);
  }

  // --- parts --------------------------------------------------------------------------------

  @Test
  void partsAreShippedAndTheCustomerFitsThem() {
    RepairCase c = open(MONDAY_10, "printer", LocalDate.of(2026, 6, 1), 1, "standard");
    assess(c, "normal-use", "wear-part");
    assertThat(variable(c, "proposedRepairMode")).isEqualTo("parts");
    assertThatThrownBy(() -> confirmMode(c, "parts", null)).hasRootCauseInstanceOf(TaskInputException.class)
        .hasMessageContaining("partsList");
    confirmMode(c, "parts", "Fuser unit FU-2");

    steps.executeJob(c.repair().getId(), "ShipParts");
    Shipment parts = shipment(c, "parts");
    assertThat(parts.getItems()).isEqualTo("Fuser unit FU-2");
    logisticsEvents.apply(new LogisticsEvent(parts.getTrackingNumber(), "delivered", c.caseNumber() + "/p-1", null, null));
    steps.complete("eng1", c.repair().getId(), "ConfirmPartsFitted", Map.of("partsFitted", true));

    assertThat(c.repair()).isWaitingAt("RecordRootCause");
  }

  @Test
  void partsTheCustomerCannotFitBringATechnician() {
    RepairCase c = open(MONDAY_10, "printer", LocalDate.of(2026, 6, 1), 1, "standard");
    assess(c, "normal-use", "wear-part");
    confirmMode(c, "parts", "Fuser unit FU-2");
    steps.executeJob(c.repair().getId(), "ShipParts");
    logisticsEvents.apply(new LogisticsEvent(shipment(c, "parts").getTrackingNumber(), "delivered", null, null, null));
    steps.complete("eng1", c.repair().getId(), "ConfirmPartsFitted",
        Map.of("partsFitted", false, "fittingNote", "Customer could not open the case"));

    assertThat(c.repair()).hasPassed("SetArrivalDeadline").isWaitingAt("ArriveOnSite");
    assertThat(variable(c, "repairMode")).isEqualTo("on-site");
    assertThat(order(c).getRepairMode()).isEqualTo("on-site");
  }

  // --- out of warranty: the quote ----------------------------------------------------------

  @Test
  void acceptedQuoteIsInvoicedAndTheRepairWaitsForPayment() {
    RepairCase c = open(MONDAY_10, "printer", LocalDate.of(2024, 1, 10), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    assertThat(c.repair()).isWaitingAt("PrepareQuote");
    assertThat(variable(c, "inWarranty")).isEqualTo(false);
    prepareQuote(c, 1200.00, 5);

    assertThat(c.repair()).hasNotPassed("ApproveQuote").isWaitingAt("RecordQuoteAnswer");
    assertThat(variable(c, "quoteTotal")).isEqualTo("1140.00");
    Task answer = steps.task(c.repair().getId(), "RecordQuoteAnswer");
    assertThat(candidateGroups(answer)).containsExactly("after-sales", "sales");
    assertThat(answer.getDueDate().toInstant()).isEqualTo(MONDAY_10.plus(Duration.ofDays(14)));
    assertThat(answer.getFollowUpDate().toInstant()).isEqualTo(MONDAY_10.plus(Duration.ofDays(3)));
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m ->
        m.getPayload().contains("\"recipient\":\"sales\"") && m.getPayload().contains("repair-quote-copy"));
    assertThat(order(c).getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.SENT);
    assertThat(order(c).getQuoteTotal()).isEqualByComparingTo("1140.00");

    assertThat(quoteDecisions.decide(c.caseNumber(), new QuoteDecision(true, "Go ahead"), "portal"))
        .isEqualTo(QuoteDecisions.Outcome.APPLIED);
    assertThat(quoteDecisions.decide(c.caseNumber(), new QuoteDecision(true, null), "portal"))
        .isEqualTo(QuoteDecisions.Outcome.DUPLICATE);
    assertThatThrownBy(() -> quoteDecisions.decide(c.caseNumber(), new QuoteDecision(false, null), "portal"))
        .isInstanceOf(ApiException.class).hasMessageContaining("already accepted");
    assertThat(order(c).getQuoteDecisionChannel()).isEqualTo("api");

    assertThat(c.repair()).isWaitingAt("InvoiceRepair");
    steps.executeJob(c.repair().getId(), "InvoiceRepair");
    assertThat(c.repair()).isWaitingAt("AwaitPayment");
    FinancePosting invoice = postings.findByCaseNumberOrderById(c.caseNumber()).get(0);
    assertThat(invoice.getKind()).isEqualTo("invoice");
    assertThat(invoice.getAmount()).isEqualByComparingTo(new BigDecimal("1140.00"));
    assertThat(invoice.getCurrency()).isEqualTo("CNY");
    assertThat(invoice.getReference()).isEqualTo("FIN-" + c.caseNumber().substring(3) + "-Q1");
    assertThat(order(c).getInvoiceReference()).isEqualTo(invoice.getReference());

    financeEvents.apply(new FinanceEvent(invoice.getReference(), "settled", c.caseNumber() + "/f-1", null, null));
    steps.executeJob(c.repair().getId(), "AwaitPayment");
    assertThat(c.repair()).hasPassed("AwaitPayment").isWaitingAt("ConfirmRepairMode");
    assertThat(order(c).getPaidAt()).isNotNull();
    assertThat(customerNotices(c)).contains("repair-quote", "repair-invoice", "repair-paid");
  }

  @Test
  void salesRecordsADeclineAndTheCaseGoesOnToItsResolution() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2026, 6, 1), 1, "standard");
    assess(c, "misuse", "hardware-fault");
    assertThat(variable(c, "inWarranty")).as("misuse voids the warranty").isEqualTo(false);
    prepareQuote(c, 800, 0);
    steps.complete("sales1", c.repair().getId(), "RecordQuoteAnswer",
        Map.of("quoteAnswer", "declined", "quoteAnswerNote", "Too expensive"));

    assertThat(c.repair()).isEnded().hasPassed("DeclineQuote", "QuoteWasDeclined");
    assertThat(order(c).getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.DECLINED);
    assertThat(order(c).getQuoteDecidedBy()).isEqualTo("sales1");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "repairEndedBy")).isEqualTo("QUOTE_DECLINED");
    assertThatThrownBy(() -> quoteDecisions.decide(c.caseNumber(), new QuoteDecision(true, null), "portal"))
        .isInstanceOf(ApiException.class);
    assertThat(quoteDecisions.decide(c.caseNumber(), new QuoteDecision(false, null), "portal"))
        .isEqualTo(QuoteDecisions.Outcome.DUPLICATE);
  }

  @Test
  void customerDeclinesThroughTheApi() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 800, 0);
    assertThat(quoteDecisions.decide(c.caseNumber(), new QuoteDecision(false, "Too expensive"), "portal"))
        .isEqualTo(QuoteDecisions.Outcome.APPLIED);

    assertThat(c.repair()).isEnded().hasPassed("DeclineQuote");
    assertThat(steps.openTasks(c.repair().getId(), "RecordQuoteAnswer")).isZero();
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "repairEndedBy")).isEqualTo("QUOTE_DECLINED");
    assertThat(customerNotices(c)).contains("repair-quote-declined");
  }

  @Test
  void salesRecordsAnAcceptanceAndTheRepairIsInvoiced() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 800, 0);
    steps.complete("sales1", c.repair().getId(), "RecordQuoteAnswer", Map.of("quoteAnswer", "accepted"));

    assertThat(c.repair()).isWaitingAt("InvoiceRepair");
    assertThat(order(c).getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.ACCEPTED);
    assertThat(order(c).getQuoteDecisionChannel()).isEqualTo("task");
    assertThat(quoteDecisions.decide(c.caseNumber(), new QuoteDecision(true, null), "portal"))
        .as("the customer confirming on the portal afterwards changes nothing")
        .isEqualTo(QuoteDecisions.Outcome.DUPLICATE);
  }

  @Test
  void unansweredQuoteIsRemindedOnceThenLapses() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 800, 0);

    moveClock(Duration.ofDays(3));
    steps.executeJob(c.repair().getId(), "QuoteReminderDue");
    assertThat(c.repair()).isWaitingAt("RecordQuoteAnswer");
    assertThat(customerNotices(c)).contains("repair-quote-reminder");

    moveClockTo(MONDAY_10.plus(Duration.ofDays(14)));
    steps.executeJob(c.repair().getId(), "QuoteExpired");
    assertThat(c.repair()).isEnded().hasPassed("ExpireQuote", "QuoteLapsed");
    assertThat(order(c).getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.EXPIRED);
    assertThat(customerNotices(c)).contains("repair-quote-expired");
    assertThatThrownBy(() -> quoteDecisions.decide(c.caseNumber(), new QuoteDecision(true, null), "portal"))
        .isInstanceOf(ApiException.class).hasMessageContaining("expired");
  }

  @Test
  void discountAboveTheThresholdNeedsTheManagersApprovalAndARejectionSendsTheQuoteBack() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 1000, 25);

    assertThat(c.repair()).isWaitingAt("ApproveQuote");
    ProcessInstance approval = steps.calledInstance(c.repair().getId());
    assertThat(runtimeService.getVariable(approval.getId(), "subjectType")).isEqualTo("repair-quote");
    assertThat(runtimeService.getVariable(approval.getId(), "requester")).isEqualTo("eng1");
    assertThat(runtimeService.getVariable(approval.getId(), "amount")).isEqualTo("750.00");
    Task decide = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    assertThat(decide.getAssignee()).as("the engineer's manager").isEqualTo("mgr1");
    decideAs("mgr1", decide, "reject", "25% is too much");
    Task revise = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    taskService.complete(revise.getId(), Map.of("revision", "abandon"));

    assertThat(c.repair()).isWaitingAt("PrepareQuote");
    assertThat(variable(c, "approvalOutcome")).isEqualTo("rejected");
    prepareQuote(c, 1000, 10);
    assertThat(c.repair()).isWaitingAt("RecordQuoteAnswer");
    assertThat(order(c).getQuoteRound()).isEqualTo(2);
    assertThat(order(c).getQuoteTotal()).isEqualByComparingTo("900.00");
  }

  @Test
  void withdrawnDiscountApprovalSendsTheQuoteBackForRevision() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 1000, 30);
    ProcessInstance approval = steps.calledInstance(c.repair().getId());
    approvals.withdraw(approval.getId(), "eng1", "Customer asked for a plain quote");

    assertThat(variable(c, "approvalOutcome")).isEqualTo("withdrawn");
    assertThat(c.repair()).isWaitingAt("PrepareQuote");
    assertThat(order(c).getQuoteStatus()).isEqualTo(RepairOrder.QuoteStatus.PREPARED);
  }

  @Test
  void approvedDiscountIsSentToTheCustomer() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assess(c, "normal-use", "hardware-fault");
    prepareQuote(c, 999.99, 15);
    ProcessInstance approval = steps.calledInstance(c.repair().getId());
    decideAs("mgr1", taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult(), "approve",
        null);

    assertThat(c.repair()).hasPassed("ApproveQuote").isWaitingAt("RecordQuoteAnswer");
    assertThat(variable(c, "quoteTotal")).isEqualTo("849.99");
  }

  @Test
  void badFormValuesAreRefusedWithTheField() {
    RepairCase c = open(MONDAY_10, "hardware", LocalDate.of(2020, 1, 1), 1, "standard");
    assertThatThrownBy(() -> steps.complete("eng1", c.repair().getId(), "AssessFault",
        Map.of("damageCause", "gremlins", "faultType", "hardware-fault", "faultNotes", "x")))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("damageCause");
    assess(c, "normal-use", "hardware-fault");
    assertThatThrownBy(() -> steps.complete("eng1", c.repair().getId(), "PrepareQuote",
        Map.of("quoteListPrice", -1, "quoteCurrency", "CNY", "quoteDetails", "x")))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("quoteListPrice");
    assertThatThrownBy(() -> steps.complete("eng1", c.repair().getId(), "PrepareQuote",
        Map.of("quoteListPrice", 10, "quoteCurrency", "XBT", "quoteDetails", "x")))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("quoteCurrency");
    assertThat(c.repair()).isWaitingAt("PrepareQuote");
  }

  private void decideAs(String user, Task task, String decision, String comment) {
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment);
    identityService.setAuthenticatedUserId(user);
    try {
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }
}
