package org.aftersales.integration.finance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.math.BigDecimal;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.integration.logistics.WaitingCases;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** Postings exactly once, finance's answers as {@code /api/events/finance} hands them over, and the embedded desk. */
@ProcessScenarioTest
class FinanceEventsScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired FinancePostings postings;
  @Autowired FinanceEvents events;
  @Autowired OutboxRepository outbox;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired FinanceRequestRepository deskRequests;

  private WaitingCases cases;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    cases = new WaitingCases(engine.getRepositoryService(), runtimeService);
  }

  @Test
  void theSameAdjustmentIsPostedOnce() {
    String caseNumber = WaitingCases.newCaseNumber();
    FinancePosting first = postings.request(refund(caseNumber, "ADJ-1", "120.50"));
    FinancePosting again = postings.request(refund(caseNumber, "ADJ-1", "120.50"));
    FinancePosting other = postings.request(refund(caseNumber, "ADJ-2", "12.3400"));

    assertThat(first.getReference()).isEqualTo("FIN-" + caseNumber.substring(3) + "-ADJ-1");
    assertThat(again.getReference()).isEqualTo(first.getReference());
    assertThat(postings.ofCase(caseNumber)).hasSize(2);
    FinancePosting stored = postings.find(first.getReference()).orElseThrow();
    assertThat(stored.getAmount()).isEqualByComparingTo("120.50");
    assertThat(stored.getCurrency()).isEqualTo("CNY");
    assertThat(stored.getStatus()).isEqualTo(FinancePosting.REQUESTED);
    assertThat(postings.find(other.getReference()).orElseThrow().getAmount()).isEqualByComparingTo("12.34");
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).extracting(OutboxMessage::getIdempotencyKey)
        .containsExactly("finance:" + caseNumber + ":ADJ-1", "finance:" + caseNumber + ":ADJ-2");
  }

  @Test
  void amountsFinanceCannotBookAreRefused() {
    String caseNumber = WaitingCases.newCaseNumber();
    assertThatThrownBy(() -> postings.request(refund(caseNumber, "A1", "10.005")))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("decimal places");
    assertThatThrownBy(() -> postings.request(new PostingRequest(caseNumber, PostingRequest.INVOICE, "A2",
        new BigDecimal("100.5"), "JPY", "C-1", null))).hasMessageContaining("0 decimal places");
    assertThatThrownBy(() -> postings.request(new PostingRequest(caseNumber, PostingRequest.INVOICE, "A3",
        new BigDecimal("10"), "XYZ", "C-1", null))).hasMessageContaining("Unknown currency");
    assertThatThrownBy(() -> postings.request(refund(caseNumber, "A4", "-5")))
        .hasMessageContaining("must be positive");
    assertThatThrownBy(() -> postings.request(new PostingRequest(caseNumber, "gift", "A5", BigDecimal.ONE, "CNY",
        "C-1", null))).hasMessageContaining("Unknown posting kind");
    assertThat(postings.ofCase(caseNumber)).isEmpty();
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).isEmpty();
  }

  @Test
  void settlementReachesTheCaseOnceAndRepeatsAreDuplicates() {
    String caseNumber = WaitingCases.newCaseNumber();
    String reference = postings.request(refund(caseNumber, "ADJ-1", "99.90")).getReference();
    ProcessInstance refund = cases.waitFor("PaymentSettled", caseNumber, "postingReference", reference);

    FinanceEvent settled = new FinanceEvent(reference, "settled", "bank-1", new BigDecimal("99.9000"), null);
    assertThat(events.apply(settled)).isEqualTo(FinanceEvents.Outcome.APPLIED);
    assertThat(events.apply(settled)).isEqualTo(FinanceEvents.Outcome.DUPLICATE);
    assertThat(events.apply(new FinanceEvent(reference, "settled", null, null, "again")))
        .isEqualTo(FinanceEvents.Outcome.DUPLICATE);

    assertThat(refund).isWaitingAt("AfterPaymentSettled").variables().containsKey("settledAt");
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(refund.getId())
        .activityId("AwaitPaymentSettled").count()).isEqualTo(1);
    FinancePosting posting = postings.find(reference).orElseThrow();
    assertThat(posting.getStatus()).isEqualTo(FinancePosting.SETTLED);
    assertThat(posting.getSettledAt()).isNotNull();
    assertThat(refund).variables().containsEntry("settledAt", posting.getSettledAt().toString());
  }

  @Test
  void answersContradictingThePostingAreConflicts() {
    String caseNumber = WaitingCases.newCaseNumber();
    String reference = postings.request(refund(caseNumber, "ADJ-1", "99.90")).getReference();
    ProcessInstance refund = cases.waitFor("PaymentSettled", caseNumber, "postingReference", reference);

    assertConflict(new FinanceEvent(reference, "settled", "bank-1", new BigDecimal("90"), null), "not 90");
    assertThat(refund).isWaitingAt("AwaitPaymentSettled");
    assertThat(postings.find(reference).orElseThrow().getStatus()).isEqualTo(FinancePosting.REQUESTED);

    assertThat(events.apply(new FinanceEvent(reference, "failed", "bank-2", null, "account closed")))
        .isEqualTo(FinanceEvents.Outcome.APPLIED);
    assertThat(events.apply(new FinanceEvent(reference, "failed", null, null, null)))
        .isEqualTo(FinanceEvents.Outcome.DUPLICATE);
    assertThat(refund).isWaitingAt("AwaitPaymentSettled");
    FinancePosting posting = postings.find(reference).orElseThrow();
    assertThat(posting.getStatus()).isEqualTo(FinancePosting.FAILED);
    assertThat(posting.getFinanceNote()).isEqualTo("account closed");
    // the case is stuck until finance settles: finance and after-sales are told
    assertThat(outbox.findByCaseNumberOrderById(caseNumber)).filteredOn(m -> m.getPayload()
        .contains("posting-failed")).extracting(m -> m.getPayload().replaceAll(".*\"recipient\":\"([^\"]+)\".*", "$1"))
        .containsExactlyInAnyOrder("finance", "after-sales");

    // finance tries again and the money moves: the case goes on; a late failure then is a conflict
    assertThat(events.apply(new FinanceEvent(reference, "settled", "bank-3", null, null)))
        .isEqualTo(FinanceEvents.Outcome.APPLIED);
    assertThat(postings.find(reference).orElseThrow().getStatus()).isEqualTo(FinancePosting.SETTLED);
    assertConflict(new FinanceEvent(reference, "failed", "bank-4", null, null), "already settled");
  }

  @Test
  void settlementTheCaseIsNotWaitingForIsAConflictAndChangesNothing() {
    String caseNumber = WaitingCases.newCaseNumber();
    String reference = postings.request(refund(caseNumber, "ADJ-1", "10")).getReference();

    assertConflict(new FinanceEvent(reference, "settled", "early", null, null), "is not waiting");
    assertThat(postings.find(reference).orElseThrow().getStatus()).isEqualTo(FinancePosting.REQUESTED);
    assertThat(events.refusal(reference, "settled")).isPresent();

    ProcessInstance refund = cases.waitFor("PaymentSettled", caseNumber, "postingReference", reference);
    assertThat(events.refusal(reference, "settled")).isEmpty();
    assertThat(events.apply(new FinanceEvent(reference, "settled", "early", null, null)))
        .isEqualTo(FinanceEvents.Outcome.APPLIED);
    assertThat(refund).isWaitingAt("AfterPaymentSettled");
  }

  @Test
  void unknownReferenceIsNotFoundAndBadInputABadRequest() {
    assertThatThrownBy(() -> events.apply(new FinanceEvent("FIN-1999-999999-X", "settled", null, null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND));
    assertThatThrownBy(() -> events.apply(new FinanceEvent("FIN-1999-999999-X", "paid", null, new BigDecimal("-1"),
        null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).containsExactly(new FieldProblem("amount", "must be positive"),
              new FieldProblem("status", "must be one of settled, failed"));
        });
  }

  @Test
  void embeddedDeskConfirmsTheSettlement() {
    String caseNumber = WaitingCases.newCaseNumber();
    String reference = postings.request(new PostingRequest(caseNumber, PostingRequest.INVOICE, "REPAIR",
        new BigDecimal("450.00"), "CNY", "C-1001", "Out-of-warranty repair")).getReference();
    ProcessInstance repair = cases.waitFor("PaymentSettled", caseNumber, "postingReference", reference);

    dispatcher.dispatchDue();
    assertThat(deskRequests.findByReferenceOrderById(reference)).hasSize(1);
    ProcessInstance desk = runtimeService.createProcessInstanceQuery().processDefinitionKey("finance-desk")
        .processInstanceBusinessKey(caseNumber).singleResult();
    assertThat(desk).isWaitingAt("ConfirmSettlement").variables()
        .containsEntry("amount", "450.00").containsEntry("currency", "CNY").containsEntry("postingKind", "invoice");
    Task task = taskService.createTaskQuery().processInstanceId(desk.getId()).singleResult();
    assertThat(task.getName()).isEqualTo("Confirm settlement " + reference);
    assertThat(taskService.getIdentityLinksForTask(task.getId()))
        .anySatisfy(link -> assertThat(link.getGroupId()).isEqualTo("finance"));

    taskService.claim(task.getId(), "fiona");
    taskService.complete(task.getId(), Map.of("settlementStatus", "settled", "financeNote", "paid by transfer"));

    assertThat(desk).isEnded();
    assertThat(repair).isWaitingAt("AfterPaymentSettled");
    FinancePosting posting = postings.find(reference).orElseThrow();
    assertThat(posting.getStatus()).isEqualTo(FinancePosting.SETTLED);
    assertThat(posting.getFinanceNote()).isEqualTo("paid by transfer");
  }

  private void assertConflict(FinanceEvent event, String reason) {
    assertThatThrownBy(() -> events.apply(event))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.getMessage()).contains(event.reference(), reason);
        });
  }

  private static PostingRequest refund(String caseNumber, String adjustmentId, String amount) {
    return new PostingRequest(caseNumber, PostingRequest.REFUND, adjustmentId, new BigDecimal(amount), "CNY",
        "C-1001", "Price difference refund");
  }
}
