package org.aftersales.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.bugloop.ProductFeedbackRepository;
import org.aftersales.common.DecisionReasons;
import org.aftersales.common.Language;
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
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.NewCaseRequest;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.batch.Batch;
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
 * Every path of {@code return-exchange}, started from a real case triaged as a return:
 * eligible, an approved or refused exception, not eligible; the unit picked up, or never
 * recovered; after-sales and QA agreeing or the team lead deciding; an exchange shipped, or a
 * refund handed to {@code refund-adjustment}.
 */
@ProcessScenarioTest
class ReturnScenarioTest {

  private static final Instant MONDAY_10 = ProcessSteps.MONDAY_10_SHANGHAI;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired IdentityService identityService;
  @Autowired CaseIntake intake;
  @Autowired ReturnOrderRepository orders;
  @Autowired ShipmentRepository shipments;
  @Autowired LogisticsEvents logisticsEvents;
  @Autowired OutboxRepository outbox;
  @Autowired ProductFeedbackRepository feedback;
  @Autowired org.aftersales.approval.ApprovalOperations approvals;
  @Autowired org.camunda.bpm.engine.ManagementService managementService;
  @Autowired org.camunda.bpm.engine.HistoryService historyService;
  @Autowired FinancePostingRepository postings;
  @Autowired FinanceEvents financeEvents;

  private ProcessSteps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new ProcessSteps(engine, intake);
    TestUsers.ensure(identityService, "ret-desk", "customer-service");
    TestUsers.ensure(identityService, "ret-eng", "after-sales");
    TestUsers.ensure(identityService, "ret-qa", "qa");
    TestUsers.ensure(identityService, "ret-lead", "approver-lead");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // --- helpers ------------------------------------------------------------------------------

  record ReturnCase(String caseNumber, ProcessInstance serviceRequest, ProcessInstance returns) {
  }

  ReturnCase open(String contractLevel) {
    NewCaseRequest request = new NewCaseRequest(
        new NewCaseRequest.Customer("C-5001", "Delta Studio", "Hangzhou", 1, contractLevel),
        new NewCaseRequest.Product("CAM-7", "hardware", "SN-" + System.nanoTime(), LocalDate.of(2026, 10, 1)),
        "portal", "normal", null, false, "Wants to send the camera back");
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, request);
    steps.complete("ret-desk", opened.processInstanceId(), "AcknowledgeCustomer", Map.of());
    steps.complete("ret-desk", opened.processInstanceId(), "TriageCase", Map.of("category", "return-exchange"));
    ProcessInstance returns = steps.calledInstance(opened.processInstanceId());
    assertThat(returns).isWaitingAt("RegisterReturn");
    return new ReturnCase(opened.caseNumber(), steps.instance(opened.processInstanceId()), returns);
  }

  void register(ReturnCase c, String reason, String deliveryDate, String condition, String wish) {
    Map<String, Object> form = new HashMap<>();
    form.put("returnReason", reason);
    form.put("deliveryDate", deliveryDate);
    form.put("unitCondition", condition);
    form.put("originalPrice", 1299.0);
    form.put("currency", "CNY");
    form.put("requestedResolution", wish);
    steps.complete("ret-desk", c.returns().getId(), "RegisterReturn", form);
  }

  /** Picks the unit up, the carrier reports it received, QA inspects it. */
  void receiveAndInspect(ReturnCase c, String condition) {
    steps.executeJob(c.returns().getId(), "RequestReturnPickUp");
    Shipment pickUp = shipments.findByCaseNumberOrderById(c.caseNumber()).get(0);
    assertThat(pickUp.getKind()).isEqualTo("pick-up");
    assertThat(pickUp.getRmaNumber()).isEqualTo("RMA-" + c.caseNumber().substring(3));
    logisticsEvents.apply(new LogisticsEvent(pickUp.getTrackingNumber(), "received", null, null, null));
    steps.executeJob(c.returns().getId(), "ConfirmReturnReceipt");
    assertThat(order(c).getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.RECEIVED);
    steps.complete("ret-qa", c.returns().getId(), "InspectUnit",
        Map.of("inspectionFindings", "Sensor defect, no marks of misuse", "inspectedCondition", condition));
  }

  void findings(ReturnCase c, String technical, String qa) {
    steps.complete("ret-eng", c.returns().getId(), "TechnicalResponsibility",
        Map.of("technicalResponsibility", technical, "technicalNote", "Board fault"));
    steps.complete("ret-qa", c.returns().getId(), "QaResponsibility",
        Map.of("qaResponsibility", qa, "qaNote", "QA view"));
  }

  ReturnOrder order(ReturnCase c) {
    return orders.findByCaseNumber(c.caseNumber()).orElseThrow();
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  List<String> customerNotices(ReturnCase c) {
    return outbox.findByCaseNumberOrderById(c.caseNumber()).stream()
        .filter(m -> m.getType().equals("notification.send") && m.getPayload().contains("\"recipientType\":\"customer\""))
        .map(m -> m.getPayload().replaceAll(".*\"kind\":\"([^\"]+)\".*", "$1")).toList();
  }

  void approveAs(String user, ProcessInstance approval, String decision, String comment) {
    Task task = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey("ApproveStep")
        .singleResult();
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment);
    identityService.setAuthenticatedUserId(user);
    try {
      taskService.claim(task.getId(), user);
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  // --- paths ----------------------------------------------------------------------------------

  @Test
  void eligibleQualityReturnIsExchangedWhenAfterSalesAndQaAgree() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-11-18", "as-new", "exchange");

    assertThat(variable(c.returns(), "eligibility")).isEqualTo("eligible");
    assertThat(variable(c.returns(), "daysSinceDelivery")).isEqualTo(5);
    assertThat(variable(c.returns(), "originalPrice")).isEqualTo("1299.00");
    assertThat(c.returns()).isWaitingAt("RequestReturnPickUp");
    receiveAndInspect(c, "as-new");

    assertThat(c.returns()).isWaitingAt("TechnicalResponsibility", "QaResponsibility");
    assertThat(steps.task(c.returns().getId(), "TechnicalResponsibility")).hasCandidateGroup("after-sales");
    assertThat(steps.task(c.returns().getId(), "QaResponsibility")).hasCandidateGroup("qa");
    findings(c, "company", "company");

    assertThat(c.returns()).hasPassed("AgreeResponsibility").hasNotPassed("DecideResponsibility")
        .isWaitingAt("ChooseResolution");
    assertThat(order(c).getResponsibility()).isEqualTo("company");
    assertThat(order(c).getResponsibilityDecidedBy()).isEqualTo("agreed");
    steps.complete("ret-eng", c.returns().getId(), "ChooseResolution", Map.of("resolution", "exchange"));

    steps.executeJob(c.returns().getId(), "ShipReplacement");
    Shipment replacement = shipments.findByCaseNumberOrderById(c.caseNumber()).get(1);
    assertThat(replacement.getKind()).isEqualTo("outbound");
    assertThat(variable(c.returns(), "trackingNumber")).isEqualTo(replacement.getTrackingNumber());
    logisticsEvents.apply(new LogisticsEvent(replacement.getTrackingNumber(), "delivered", null, null, null));

    assertThat(c.returns()).isEnded().hasPassed("RecordReturnFeedback");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "resolution")).isEqualTo("exchange");
    assertThat(feedback.findAll()).anyMatch(f -> f.getCaseNumber().equals(c.caseNumber())
        && f.getSource().equals("return") && f.getSummary().contains("Sensor defect"));
    assertThat(order(c).getClosedAt()).isNotNull();
    assertThat(customerNotices(c)).contains("return-pick-up", "return-unit-received", "return-replacement-shipped",
        "return-done");
  }

  @Test
  void disagreementIsDecidedByTheTeamLeadAndARefundGoesToRefundAdjustment() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-11-20", "used", "refund");
    receiveAndInspect(c, "damaged");
    findings(c, "company", "customer");

    assertThat(c.returns()).isWaitingAt("DecideResponsibility");
    assertThat(steps.task(c.returns().getId(), "DecideResponsibility")).hasCandidateGroup("approver-lead");
    assertThatThrownBy(() -> steps.complete("ret-lead", c.returns().getId(), "DecideResponsibility",
        Map.of("responsibility", "shared"))).hasRootCauseInstanceOf(TaskInputException.class)
        .hasMessageContaining("responsibilityNote");
    steps.complete("ret-lead", c.returns().getId(), "DecideResponsibility",
        Map.of("responsibility", "shared", "responsibilityNote", "Drop damage after a weak seal"));
    assertThat(order(c).getResponsibilityDecidedBy()).isEqualTo("lead");
    steps.complete("ret-eng", c.returns().getId(), "ChooseResolution", Map.of("resolution", "refund"));

    assertThat(c.returns()).isWaitingAt("RefundAdjustment");
    ProcessInstance refund = steps.calledInstance(c.returns().getId());
    assertThat(refund.getProcessDefinitionId()).startsWith("refund-adjustment:");
    assertThat(refund.getBusinessKey()).isEqualTo(c.caseNumber());
    assertThat(variable(refund, "adjustmentType")).isEqualTo("partial-refund");
    assertThat(variable(refund, "responsibility")).isEqualTo("shared");
    assertThat(variable(refund, "unitCondition")).as("the condition QA found").isEqualTo("damaged");
    assertThat(variable(refund, "originalPrice")).isEqualTo("1299.00");
    assertThat(variable(refund, "currency")).isEqualTo("CNY");
    assertThat(variable(refund, "rmaNumber")).isEqualTo("RMA-" + c.caseNumber().substring(3));
  }

  /** From "Choose resolution" with a refund: the adjustment prepared by after-sales, then its approval. */
  ProcessInstance refundUpToApproval(ReturnCase c) {
    steps.complete("ret-eng", c.returns().getId(), "ChooseResolution", Map.of("resolution", "refund"));
    ProcessInstance refund = steps.calledInstance(c.returns().getId());
    steps.complete("ret-eng", refund.getId(), "PrepareAdjustment", Map.of("adjustmentType",
        variable(refund, "adjustmentType"), "originalPrice", "1299.00", "currency", "CNY",
        "unitCondition", variable(refund, "unitCondition"), "responsibility", variable(refund, "responsibility"),
        "adjustmentReason", "Return of a defective unit"));
    return refund;
  }

  @Test
  void refundInsideAReturnIsPostedSettledAndClosesTheReturn() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-11-18", "as-new", "refund");
    receiveAndInspect(c, "used");
    findings(c, "customer", "customer");
    ProcessInstance refund = refundUpToApproval(c);
    approveAs("ret-lead", steps.calledInstance(refund.getId()), "approve", null);

    steps.executeJob(refund.getId(), "PostToFinance");
    String reference = (String) variable(refund, "postingReference");
    FinancePosting posting = postings.findByReference(reference).orElseThrow();
    assertThat(posting.getKind()).isEqualTo("credit-note");
    assertThat(posting.getAmount()).as("used unit, customer responsible: 70 %").isEqualByComparingTo("909.30");
    financeEvents.apply(new FinanceEvent(reference, "settled",
        c.caseNumber() + "/settled", null, null));
    steps.executeJob(refund.getId(), "AwaitPaymentSettled");

    assertThat(refund).isEnded();
    assertThat(c.returns()).isEnded().hasPassed("RefundAdjustment", "RecordReturnFeedback");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "resolution")).isEqualTo("refund");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");

    // the case closes; having moved money, its whole history is kept ten years
    steps.complete("ret-desk", c.serviceRequest().getId(), "RecordResolution",
        Map.of("resolutionSummary", "Refunded 70 %"));
    ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofDays(8))));
    steps.executeJob(c.serviceRequest().getId(), "FeedbackWaitOver");
    assertThat(c.serviceRequest()).isEnded();
    Batch batch = managementService.createBatchQuery().type(Batch.TYPE_PROCESS_SET_REMOVAL_TIME).list().stream()
        .reduce((first, second) -> second).orElseThrow();
    for (int round = 0; round < 5; round++) {
      managementService.createJobQuery().list().stream()
          .filter(j -> j.getJobDefinitionId() != null && List.of(batch.getSeedJobDefinitionId(),
              batch.getBatchJobDefinitionId(), batch.getMonitorJobDefinitionId()).contains(j.getJobDefinitionId()))
          .forEach(j -> managementService.executeJob(j.getId()));
    }
    Date tenYears = Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(3650)));
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(c.caseNumber()).list())
        .hasSizeGreaterThanOrEqualTo(4)
        .allSatisfy(h -> assertThat(h.getRemovalTime()).isEqualTo(tenYears));
  }

  @Test
  void refusedRefundInsideAReturnSendsTheCaseBackToTriage() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-11-18", "as-new", "refund");
    receiveAndInspect(c, "as-new");
    findings(c, "company", "company");
    ProcessInstance refund = refundUpToApproval(c);
    ProcessInstance approval = steps.calledInstance(refund.getId());
    approveAs("ret-lead", approval, "reject", "Offer an exchange instead");
    taskService.complete(taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult().getId(),
        Map.of("revision", "abandon"));

    assertThat(refund).isEnded();
    assertThat(c.returns()).isEnded().hasNotPassed("RecordReturnFeedback");
    assertThat(c.serviceRequest()).hasPassed("ReturnRefundRejected").isWaitingAt("TriageCase");
    assertThat(steps.task(c.serviceRequest().getId(), "TriageCase").getAssignee()).as("back with the owner")
        .isEqualTo("ret-desk");
  }

  @Test
  void refusedRefundCaseGoesBackToTriage() {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request("refund",
        "normal", "portal", "standard", false));
    steps.complete("ret-desk", opened.processInstanceId(), "AcknowledgeCustomer", Map.of());
    steps.complete("ret-desk", opened.processInstanceId(), "TriageCase", Map.of());
    ProcessInstance refund = steps.calledInstance(opened.processInstanceId());
    steps.complete("ret-eng", refund.getId(), "PrepareAdjustment", Map.of("adjustmentType",
        "price-difference-refund", "paidPrice", 1299, "newPrice", 999, "currency", "CNY",
        "adjustmentReason", "Price protection"));
    ProcessInstance approval = steps.calledInstance(refund.getId());
    approveAs("ret-lead", approval, "reject", "Outside the price-protection window");
    taskService.complete(taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult().getId(),
        Map.of("revision", "abandon"));

    ProcessInstance serviceRequest = steps.instance(opened.processInstanceId());
    assertThat(serviceRequest).hasPassed("RefundRejected").isWaitingAt("TriageCase");
  }

  @Test
  void withdrawnRefundCaseGoesBackToTriage() {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request("refund", "normal", "portal", "standard",
        false));
    steps.complete("ret-desk", opened.processInstanceId(), "AcknowledgeCustomer", Map.of());
    steps.complete("ret-desk", opened.processInstanceId(), "TriageCase", Map.of());
    ProcessInstance refund = steps.calledInstance(opened.processInstanceId());
    steps.complete("ret-eng", refund.getId(), "PrepareAdjustment", Map.of("adjustmentType",
        "price-difference-refund", "paidPrice", 1299, "newPrice", 999, "currency", "CNY",
        "adjustmentReason", "Price protection"));
    approvals.withdraw(steps.calledInstance(refund.getId()).getId(), "ret-eng", "Wrong invoice");

    assertThat(refund).isEnded();
    assertThat(steps.instance(opened.processInstanceId())).hasPassed("RefundRejected").isWaitingAt("TriageCase");
  }

  @Test
  void returnOutsideTheRulesIsAcceptedWhenTheLeadApprovesTheException() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-10-14", "used", "exchange");

    assertThat(variable(c.returns(), "eligibility")).isEqualTo("needs-approval");
    assertThat(c.returns()).isWaitingAt("ApproveException");
    ProcessInstance approval = steps.calledInstance(c.returns().getId());
    assertThat(variable(approval, "subjectType")).isEqualTo("return-exception");
    assertThat(variable(approval, "requester")).isEqualTo("ret-desk");
    approveAs("ret-lead", approval, "approve", null);

    assertThat(c.returns()).hasPassed("ExceptionApproved").isWaitingAt("RequestReturnPickUp");
  }

  @Test
  void refusedExceptionTellsTheCustomerWhyAndTheCaseGoesOnToItsResolution() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-10-14", "used", "exchange");
    ProcessInstance approval = steps.calledInstance(c.returns().getId());
    approveAs("ret-lead", approval, "reject", "Too long after delivery");
    Task revise = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    taskService.complete(revise.getId(), Map.of("revision", "abandon"));

    assertThat(c.returns()).isEnded().hasPassed("RejectReturn", "NotEligible");
    assertThat(order(c).getEligibility()).isEqualTo("not-eligible");
    assertThat(order(c).getEligibilityReason()).contains("could not make an exception");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "returnEndedBy")).isEqualTo("NOT_ELIGIBLE");
  }

  @Test
  void withdrawnExceptionIsNotEligible() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-10-14", "used", "exchange");
    ProcessInstance approval = steps.calledInstance(c.returns().getId());
    approvals.withdraw(approval.getId(), "ret-desk", "The customer keeps the unit");

    assertThat(c.returns()).isEnded().hasPassed("RejectReturn", "NotEligible");
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
  }

  @Test
  void misuseIsNotEligibleAndTheCustomerIsToldWhy() {
    ReturnCase c = open("premium");
    register(c, "misuse", "2026-11-20", "damaged", "refund");

    assertThat(c.returns()).isEnded().hasPassed("RejectReturn").hasNotPassed("ApproveException");
    assertThat(customerNotices(c)).contains("return-not-eligible");
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m ->
        m.getPayload().contains("return-not-eligible")
            && m.getPayload().contains(DecisionReasons.in(Language.ZH_CN, order(c).getEligibilityReason())));
    assertThat(c.serviceRequest()).isWaitingAt("RecordResolution");
    assertThat(shipments.findByCaseNumberOrderById(c.caseNumber())).isEmpty();
  }

  @Test
  void unitThatNeverComesBackIsFlaggedAndCounted() {
    ReturnCase c = open("standard");
    register(c, "wrong-selection", "2026-11-20", "as-new", "refund");
    steps.executeJob(c.returns().getId(), "RequestReturnPickUp");
    long notRecoveredBefore = orders.countByUnitStatus(ReturnedUnit.Status.NOT_RECOVERED);

    ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofDays(3)).plusSeconds(60)));
    steps.executeJob(c.returns().getId(), "ReturnReminderDue");
    ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofDays(10))));
    steps.executeJob(c.returns().getId(), "ReturnOverdue");
    assertThat(c.returns()).isWaitingAt("AwaitReturnedUnit");
    ClockUtil.setCurrentTime(Date.from(MONDAY_10.plus(Duration.ofDays(30))));
    steps.executeJob(c.returns().getId(), "ReturnGivenUp");

    assertThat(c.returns()).isEnded().hasPassed("FlagReturnNotRecovered");
    assertThat(order(c).getUnit().getStatus()).isEqualTo(ReturnedUnit.Status.NOT_RECOVERED);
    assertThat(orders.countByUnitStatus(ReturnedUnit.Status.NOT_RECOVERED)).isEqualTo(notRecoveredBefore + 1);
    assertThat(customerNotices(c)).contains("repair-unit-reminder", "return-unit-not-received");
    assertThat(outbox.findByCaseNumberOrderById(c.caseNumber())).anyMatch(m ->
        m.getPayload().contains("\"recipient\":\"finance\"") && m.getPayload().contains("unit-not-recovered"));
    assertThat(runtimeService.getVariable(c.serviceRequest().getId(), "returnEndedBy"))
        .isEqualTo("UNIT_NOT_RECOVERED");
  }

  @Test
  void badRegistrationValuesAreRefusedWithTheField() {
    ReturnCase c = open("standard");
    assertThatThrownBy(() -> register(c, "changed-my-mind", "2026-11-20", "as-new", "refund"))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("returnReason");
    assertThatThrownBy(() -> register(c, "quality", "2027-01-01", "as-new", "refund"))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("deliveryDate");
    assertThatThrownBy(() -> register(c, "quality", "2026-11-20", "as-new", "credit"))
        .hasRootCauseInstanceOf(TaskInputException.class).hasMessageContaining("requestedResolution");
    assertThat(c.returns()).isWaitingAt("RegisterReturn");
    assertThat(orders.findByCaseNumber(c.caseNumber())).isEmpty();
  }

  @Test
  void responsibilityFindingsAreChecked() {
    ReturnCase c = open("standard");
    register(c, "quality", "2026-11-18", "as-new", "exchange");
    receiveAndInspect(c, "as-new");
    assertThatThrownBy(() -> steps.complete("ret-qa", c.returns().getId(), "QaResponsibility",
        Map.of("qaResponsibility", "nobody"))).hasRootCauseInstanceOf(TaskInputException.class)
        .hasMessageContaining("qaResponsibility");
    List<String> groups = taskService.getIdentityLinksForTask(steps.task(c.returns().getId(), "QaResponsibility")
        .getId()).stream().filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType())).map(l -> l.getGroupId())
        .toList();
    assertThat(groups).containsExactly("qa");
  }
}
