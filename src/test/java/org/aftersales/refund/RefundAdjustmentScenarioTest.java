package org.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.common.TaskInputException;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostingRepository;
import org.aftersales.integration.finance.FinanceRequestRepository;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.NewCaseRequest;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
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
 * Every path of {@code refund-adjustment} and every adjustment type, started directly for a real
 * case (as the callers do, business key = case number): prepared, computed, approved (one step
 * below 5,000, lead and manager from 5,000), posted to the embedded finance desk, settled there
 * and told to the customer; or not approved, told, and ended with {@code APPROVAL_REJECTED}.
 */
@ProcessScenarioTest
class RefundAdjustmentScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired CaseIntake intake;
  @Autowired RefundAdjustmentRepository adjustments;
  @Autowired FinancePostingRepository postings;
  @Autowired FinanceRequestRepository financeRequests;
  @Autowired OutboxRepository outbox;

  private ProcessSteps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new ProcessSteps(engine, intake);
    TestUsers.ensure(identityService, "eng1", "after-sales");
    TestUsers.ensure(identityService, "eng2", "after-sales", "approver-lead");
    TestUsers.ensure(identityService, "lead1", "approver-lead");
    TestUsers.ensure(identityService, "mgr1", "approver-manager");
    TestUsers.ensure(identityService, "fin1", "finance");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // --- helpers ------------------------------------------------------------------------------

  /** A real case (opened through the intake) and its refund-adjustment, waiting at "Prepare adjustment". */
  ProcessInstance start(Map<String, Object> fromCaller) {
    CaseIntake.OpenedCase opened = steps.openAt(ProcessSteps.MONDAY_10_SHANGHAI, new NewCaseRequest(
        new NewCaseRequest.Customer("C-3001", "Harbour Photo Lab", "Shanghai", 1, "standard"),
        new NewCaseRequest.Product("CAM-7", "hardware", "SN-" + System.nanoTime(), LocalDate.of(2026, 9, 1)),
        "hotline", "normal", null, false, "The customer wants money back"));
    ClockUtil.reset();
    return startFor(opened.caseNumber(), fromCaller);
  }

  ProcessInstance startFor(String caseNumber, Map<String, Object> fromCaller) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", caseNumber);
    variables.put("caseOwner", "desk1");
    variables.put("customerId", "C-3001");
    variables.put("customerName", "Harbour Photo Lab");
    variables.put("customerCity", "Shanghai");
    variables.put("cityTier", 1);
    variables.put("contractLevel", "standard");
    variables.put("productSku", "CAM-7");
    variables.put("productLine", "hardware");
    variables.put("serialNumber", "SN-1");
    variables.put("purchaseDate", "2026-09-01");
    variables.put("description", "The customer wants money back");
    variables.putAll(fromCaller);
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("refund-adjustment", caseNumber, variables);
    assertThat(pi).isWaitingAt("PrepareAdjustment");
    return pi;
  }

  /** What return-exchange hands over for a refund. */
  static Map<String, Object> fromReturn(String type, String condition, String responsibility) {
    Map<String, Object> in = new HashMap<>();
    in.put("adjustmentType", type);
    in.put("originalPrice", "1299.00");
    in.put("currency", "CNY");
    in.put("unitCondition", condition);
    in.put("responsibility", responsibility);
    in.put("returnReason", "quality");
    in.put("rmaNumber", "RMA-1");
    return in;
  }

  void prepare(ProcessInstance pi, Map<String, Object> form) {
    steps.complete("eng1", pi.getId(), "PrepareAdjustment", form);
  }

  ProcessInstance approval(ProcessInstance pi) {
    return steps.calledInstance(pi.getId());
  }

  /** The user decides the approval's open step as Tasklist would: claim when offered, then complete. */
  void decideAs(String user, ProcessInstance approval, String decision, String comment) {
    Task task = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey("ApproveStep")
        .singleResult();
    assertThat(task).as("open approval step").isNotNull();
    Map<String, Object> form = new HashMap<>();
    form.put("decision", decision);
    form.put("comment", comment);
    identityService.setAuthenticatedUserId(user);
    try {
      if (task.getAssignee() == null) {
        taskService.claim(task.getId(), user);
      }
      taskService.complete(task.getId(), form);
    } finally {
      identityService.clearAuthentication();
    }
  }

  /** Executes "Post to finance" and returns the one posting of the adjustment. */
  FinancePosting post(ProcessInstance pi) {
    assertThat(pi).isWaitingAt("PostToFinance");
    steps.executeJob(pi.getId(), "PostToFinance");
    assertThat(pi).isWaitingAt("AwaitPaymentSettled");
    String reference = (String) variable(pi, "postingReference");
    return postings.findByReference(reference).orElseThrow();
  }

  /** Finance confirms in Tasklist (embedded finance desk); the continuation after the message runs as a job. */
  void settleAtTheDesk(ProcessInstance pi, FinancePosting posting) {
    ProcessInstance desk = runtimeService.createProcessInstanceQuery().processDefinitionKey("finance-desk")
        .processInstanceBusinessKey(posting.getCaseNumber()).variableValueEquals("postingReference",
            posting.getReference()).singleResult();
    assertThat(desk).as("finance desk instance of " + posting.getReference()).isNotNull();
    steps.complete("fin1", desk.getId(), "ConfirmSettlement", Map.of("settlementStatus", "settled"));
    steps.executeJob(pi.getId(), "AwaitPaymentSettled");
  }

  Object variable(ProcessInstance pi, String name) {
    return runtimeService.getVariable(pi.getId(), name);
  }

  Object ended(ProcessInstance pi, String name) {
    return historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId()).variableName(name)
        .singleResult().getValue();
  }

  RefundAdjustment adjustment(String caseNumber, String id) {
    return adjustments.findByCaseNumberAndAdjustmentId(caseNumber, id).orElseThrow();
  }

  List<String> customerNoticePayloads(String caseNumber) {
    return outbox.findByCaseNumberOrderById(caseNumber).stream()
        .filter(m -> m.getType().equals("notification.send") && m.getPayload().contains("\"recipientType\":\"customer\""))
        .map(m -> m.getPayload()).toList();
  }

  // --- approved and settled, one test per type ----------------------------------------------

  @Test
  void fullRefundFromAReturnIsApprovedPostedToTheFinanceDeskAndSettled() {
    ProcessInstance pi = start(fromReturn("full-refund", "as-new", "company"));
    String caseNumber = pi.getBusinessKey();
    prepare(pi, Map.of("adjustmentType", "full-refund", "originalPrice", 1299.0, "currency", "CNY",
        "adjustmentReason", "Defective on arrival"));

    assertThat(pi).hasPassed("CalculateAdjustment").isWaitingAt("ApproveAdjustment");
    assertThat(variable(pi, "adjustmentId")).isEqualTo("A1");
    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("1299.00");
    assertThat(variable(pi, "adjustmentCurrency")).isEqualTo("CNY");
    assertThat(variable(pi, "postingKind")).isEqualTo("refund");
    assertThat(variable(pi, "adjustmentPreparedBy")).isEqualTo("eng1");
    ProcessInstance approval = approval(pi);
    assertThat(approval.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(runtimeService.getVariables(approval.getId())).containsEntry("subjectType", "refund")
        .containsEntry("amount", "1299.00").containsEntry("currency", "CNY").containsEntry("requester", "eng1")
        .containsEntry("department", "service").containsEntry("region", "Shanghai");
    assertThat((String) runtimeService.getVariable(approval.getId(), "summary"))
        .contains("A1", "Harbour Photo Lab", "1299.00 CNY", "Defective on arrival");
    Task step = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    assertThat(offeredTo(step)).as("below 5,000: the team leads only").contains("lead1")
        .doesNotContain("mgr1", "eng1");

    decideAs("lead1", approval, "approve", null);
    FinancePosting posting = post(pi);

    assertThat(posting.getReference()).isEqualTo("FIN-" + caseNumber.substring(3) + "-A1");
    assertThat(posting.getKind()).isEqualTo("refund");
    assertThat(posting.getAmount()).isEqualByComparingTo("1299.00");
    assertThat(posting.getCustomerId()).isEqualTo("C-3001");
    assertThat(financeRequests.existsByIdempotencyKey("finance:" + caseNumber + ":A1"))
        .as("posted directly with the idempotency key").isTrue();
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).as("not through the outbox")
        .noneMatch(m -> m.getType().equals("finance.posting"));
    assertThat(adjustment(caseNumber, "A1").getStatus()).isEqualTo("posted");
    assertThat(variable(pi, "adjustmentOutcome")).isEqualTo("posted");

    settleAtTheDesk(pi, posting);

    assertThat(pi).isEnded().hasPassed("NotifyAdjustmentSettled", "AdjustmentSettled");
    assertThat(ended(pi, "adjustmentOutcome")).isEqualTo("posted");
    assertThat(ended(pi, "postingReference")).isEqualTo(posting.getReference());
    assertThat(adjustment(caseNumber, "A1").getStatus()).isEqualTo("settled");
    assertThat(customerNoticePayloads(caseNumber)).anyMatch(p -> p.contains("refund-adjustment-settled")
        && p.contains("我们已向您退款 1299.00 CNY"));
  }

  @Test
  void partialRefundTakesTheRateFromTheDecisionAndPostsACreditNote() {
    ProcessInstance pi = start(fromReturn("partial-refund", "used", "customer"));
    prepare(pi, Map.of("adjustmentType", "partial-refund", "originalPrice", "1299.00", "currency", "CNY",
        "unitCondition", "used", "responsibility", "customer", "adjustmentReason", "Returned after use"));

    assertThat(variable(pi, "refundPercent")).isEqualTo(70);
    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("909.30");
    assertThat(variable(pi, "postingKind")).isEqualTo("credit-note");
    assertThat((String) variable(pi, "refundRateReason")).contains("70%");
    RefundAdjustment recorded = adjustment(pi.getBusinessKey(), "A1");
    assertThat(recorded.getRefundPercent()).isEqualTo(70);
    assertThat(recorded.getBasis()).isEqualTo("70% of the original price 1299.00 CNY = 909.30 CNY");

    decideAs("lead1", approval(pi), "approve", null);
    FinancePosting posting = post(pi);
    assertThat(posting.getKind()).isEqualTo("credit-note");
    assertThat(posting.getAmount()).isEqualByComparingTo("909.30");
    settleAtTheDesk(pi, posting);
    assertThat(pi).isEnded();
  }

  @Test
  void sharedResponsibilityForADamagedUnitRefundsHalfWay() {
    ProcessInstance pi = start(fromReturn("partial-refund", "damaged", "shared"));
    prepare(pi, Map.of("adjustmentType", "partial-refund", "originalPrice", 999.99, "currency", "USD",
        "unitCondition", "damaged", "responsibility", "shared", "adjustmentReason", "Both at fault"));

    // 999.99 x 70% = 699.993
    assertThat(variable(pi, "refundPercent")).isEqualTo(70);
    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("699.99");
    assertThat(variable(pi, "adjustmentCurrency")).isEqualTo("USD");
  }

  @Test
  void writeOffCancelsAnOpenInvoice() {
    ProcessInstance pi = start(Map.of());
    prepare(pi, Map.of("adjustmentType", "write-off", "openInvoiceReference", "INV-2026-0042",
        "openInvoiceAmount", 560.4, "currency", "CNY", "adjustmentReason", "Goodwill after a late repair"));

    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("560.40");
    assertThat(variable(pi, "postingKind")).isEqualTo("write-off");
    decideAs("lead1", approval(pi), "approve", null);
    FinancePosting posting = post(pi);
    assertThat(posting.getKind()).isEqualTo("write-off");
    settleAtTheDesk(pi, posting);

    assertThat(pi).isEnded();
    assertThat(customerNoticePayloads(pi.getBusinessKey())).anyMatch(p ->
        p.contains("我们已核销发票 INV-2026-0042 中的 560.40 CNY"));
  }

  @Test
  void priceDifferenceTheCustomerPaysIsInvoiced() {
    ProcessInstance pi = start(Map.of());
    prepare(pi, Map.of("adjustmentType", "price-difference-invoice", "paidPrice", 1000, "newPrice", 1180.5,
        "currency", "CNY", "adjustmentReason", "Upgrade to the larger model"));

    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("180.50");
    assertThat(variable(pi, "postingKind")).isEqualTo("price-difference-invoice");
    decideAs("lead1", approval(pi), "approve", null);
    FinancePosting posting = post(pi);
    assertThat(posting.getKind()).isEqualTo("price-difference-invoice");
    settleAtTheDesk(pi, posting);

    assertThat(pi).isEnded();
    assertThat(customerNoticePayloads(pi.getBusinessKey())).anyMatch(p ->
        p.contains("我们已收到您支付的差价 180.50 CNY"));
  }

  @Test
  void priceProtectionFromTheServiceRequestRefundsTheDifference() {
    // called from service-request (category refund): nothing but the case comes in
    ProcessInstance pi = start(Map.of());
    assertThat(variable(pi, "adjustmentType")).isNull();
    prepare(pi, Map.of("adjustmentType", "price-difference-refund", "paidPrice", 1299, "newPrice", 999.9,
        "currency", "EUR", "adjustmentReason", "Price protection: the price dropped within 30 days"));

    assertThat(variable(pi, "adjustmentAmount")).isEqualTo("299.10");
    decideAs("lead1", approval(pi), "approve", null);
    FinancePosting posting = post(pi);
    assertThat(posting.getKind()).isEqualTo("price-difference-refund");
    assertThat(posting.getCurrency()).isEqualTo("EUR");
    settleAtTheDesk(pi, posting);

    assertThat(pi).isEnded();
    assertThat(customerNoticePayloads(pi.getBusinessKey())).anyMatch(p ->
        p.contains("我们已向您支付差价 299.10 EUR"));
  }

  // --- approval routing and rejection ------------------------------------------------------

  @Test
  void fromFiveThousandTheLeadAndThenAManagerApprove() {
    ProcessInstance pi = start(Map.of());
    prepare(pi, Map.of("adjustmentType", "full-refund", "originalPrice", 5000, "currency", "CNY",
        "adjustmentReason", "Unit unusable"));
    ProcessInstance approval = approval(pi);

    decideAs("lead1", approval, "approve", null);
    assertThat(pi).as("the manager's step is still open").isWaitingAt("ApproveAdjustment");
    Task managerStep = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    assertThat(offeredTo(managerStep)).contains("mgr1").doesNotContain("lead1");
    decideAs("mgr1", approval, "approve", null);

    assertThat(pi).isWaitingAt("PostToFinance");
  }

  @Test
  void thePreparerIsNotOfferedTheirOwnAdjustment() {
    ProcessInstance pi = start(Map.of());
    steps.complete("eng2", pi.getId(), "PrepareAdjustment", Map.of("adjustmentType", "full-refund",
        "originalPrice", 100, "currency", "CNY", "adjustmentReason", "Duplicate charge"));

    assertThat(variable(pi, "adjustmentPreparedBy")).isEqualTo("eng2");
    ProcessInstance approval = approval(pi);
    assertThat(runtimeService.getVariable(approval.getId(), "requester")).isEqualTo("eng2");
    Task step = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    assertThat(offeredTo(step)).as("eng2 is a team lead too, but prepared it").contains("lead1")
        .doesNotContain("eng2");
  }

  @Test
  void rejectedAdjustmentIsToldToTheCustomerAndEndsWithApprovalRejected() {
    ProcessInstance pi = start(fromReturn("full-refund", "used", "customer"));
    String caseNumber = pi.getBusinessKey();
    prepare(pi, Map.of("adjustmentType", "full-refund", "originalPrice", "1299.00", "currency", "CNY",
        "adjustmentReason", "Customer insists"));
    ProcessInstance approval = approval(pi);
    decideAs("lead1", approval, "reject", "Used unit: a partial refund at most");
    Task revise = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    taskService.complete(revise.getId(), Map.of("revision", "abandon"));

    assertThat(pi).isEnded().hasPassed("TellAdjustmentRejected", "AdjustmentRejected").hasNotPassed("PostToFinance");
    assertThat(ended(pi, "adjustmentOutcome")).isEqualTo("rejected");
    assertThat(adjustment(caseNumber, "A1").getStatus()).isEqualTo("rejected");
    assertThat(postings.findByCaseNumberOrderById(caseNumber)).isEmpty();
    assertThat(customerNoticePayloads(caseNumber)).anyMatch(p -> p.contains("refund-adjustment-rejected"));

    // the case comes back for another round: a new adjustment id, so a new posting reference
    ProcessInstance again = startFor(caseNumber, fromReturn("partial-refund", "used", "customer"));
    prepare(again, Map.of("adjustmentType", "partial-refund", "originalPrice", "1299.00", "currency", "CNY",
        "unitCondition", "used", "responsibility", "customer", "adjustmentReason", "As the lead proposed"));
    assertThat(variable(again, "adjustmentId")).isEqualTo("A2");
    decideAs("lead1", approval(again), "approve", null);
    assertThat(post(again).getReference()).isEqualTo("FIN-" + caseNumber.substring(3) + "-A2");
  }

  // --- bad form values -----------------------------------------------------------------------

  @Test
  void badFormValuesAreRefusedWithTheFieldAndNothingIsRecorded() {
    ProcessInstance pi = start(Map.of());
    String caseNumber = pi.getBusinessKey();
    refused(pi, Map.of("adjustmentType", "gift", "currency", "CNY", "adjustmentReason", "x"), "adjustmentType");
    refused(pi, Map.of("adjustmentType", "full-refund", "currency", "CNY", "adjustmentReason", "x"), "originalPrice");
    refused(pi, Map.of("adjustmentType", "full-refund", "originalPrice", "lots", "currency", "CNY",
        "adjustmentReason", "x"), "originalPrice");
    refused(pi, Map.of("adjustmentType", "full-refund", "originalPrice", 10, "currency", "XBT",
        "adjustmentReason", "x"), "currency");
    refused(pi, Map.of("adjustmentType", "full-refund", "originalPrice", 10, "currency", "CNY"), "adjustmentReason");
    refused(pi, Map.of("adjustmentType", "partial-refund", "originalPrice", 10, "currency", "CNY",
        "unitCondition", "broken", "responsibility", "customer", "adjustmentReason", "x"), "unitCondition");
    refused(pi, Map.of("adjustmentType", "write-off", "openInvoiceAmount", 10, "currency", "CNY",
        "adjustmentReason", "x"), "openInvoiceReference");
    refused(pi, Map.of("adjustmentType", "price-difference-refund", "paidPrice", 100, "newPrice", 120,
        "currency", "CNY", "adjustmentReason", "x"), "newPrice");

    assertThat(pi).isWaitingAt("PrepareAdjustment");
    assertThat(adjustments.findByCaseNumberOrderById(caseNumber)).isEmpty();
  }

  private void refused(ProcessInstance pi, Map<String, Object> form, String field) {
    // a listener's exception reaches the caller wrapped, the calculation's (right after the task) as thrown
    assertThatThrownBy(() -> prepare(pi, form)).as(field).satisfies(thrown -> {
      Throwable cause = thrown;
      while (!(cause instanceof TaskInputException) && cause.getCause() != null) {
        cause = cause.getCause();
      }
      assertThat(cause).isInstanceOf(TaskInputException.class).hasMessageStartingWith(field + ":");
    });
    taskService.setAssignee(steps.task(pi.getId(), "PrepareAdjustment").getId(), null);
    for (String key : form.keySet()) {
      runtimeService.removeVariable(pi.getId(), key);
    }
  }

  /** Who the approval step is offered to: its assignee, or its candidate users (approvals offer by name). */
  private List<String> offeredTo(Task task) {
    if (task.getAssignee() != null) {
      return List.of(task.getAssignee());
    }
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(l -> l.getUserId()).sorted().toList();
  }
}
