package org.aftersales.bugloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.aftersales.integration.notification.NotificationLogEntry;
import org.aftersales.integration.notification.NotificationLogRepository;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.integration.rnd.RndRequest;
import org.aftersales.integration.rnd.RndRequestRepository;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every path of bug-escalation, called from a real service-request case, with the embedded R&D desk. */
@ProcessScenarioTest
class BugEscalationScenarioTest {

  private static final Instant TUESDAY = Instant.parse("2026-11-24T02:00:00Z");
  private static final Instant WEDNESDAY = Instant.parse("2026-11-25T02:00:00Z");
  private static final Instant THURSDAY = Instant.parse("2026-11-26T02:00:00Z");
  private static final String STEPS = "Change the approval form, republish, submit a request";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseIntake intake;
  @Autowired RndEvents rndEvents;
  @Autowired BugTicketRepository tickets;
  @Autowired ProductFeedbackRepository productFeedback;
  @Autowired RndRequestRepository rndRequests;
  @Autowired OutboxDispatcher outbox;
  @Autowired OutboxRepository outboxMessages;
  @Autowired NotificationLogRepository notifications;

  private ProcessSteps steps;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    steps = new ProcessSteps(engine, intake);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void notReproducibleBugIsExplainedToTheCustomerWithoutATicket() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    String caseNumber = escalation.caseNumber();
    ProcessInstance bug = escalation.bug();
    Task reproduce = steps.task(bug.getId(), "ReproduceBug");
    assertThat(candidateGroups(reproduce)).containsExactlyInAnyOrder("customer-service", "after-sales");

    steps.complete("erin", reproduce, Map.of("reproducible", false, "reproductionSteps", "Tried on 7.3.0 and 7.2.5"));

    assertThat(bug).hasPassed("ReproducibleGateway", "ExplainJoin").isWaitingAt("ExplainToCustomer");
    Task explain = steps.task(bug.getId(), "ExplainToCustomer");
    assertThat(explain).isAssignedTo("carol");
    assertThat(candidateGroups(explain)).containsExactly("customer-service");
    String explanation = "The form must be republished after a change; we showed you how.";
    steps.complete("carol", explain, Map.of("explanation", explanation));

    assertThat(bug).hasPassed("SendExplanation", "BugNotConfirmed")
        .hasNotPassed("NotifyBugConfirmed", "OpenRndTicket", "RecordBugRejected").isEnded();
    assertThat(tickets.findByCaseNumberOrderById(caseNumber)).isEmpty();
    assertThat(outboxMessages.findByCaseNumberOrderById(caseNumber)).extracting(OutboxMessage::getType)
        .doesNotContain("rnd.ticket");
    assertThat(escalation.serviceRequest()).hasPassed("EscalateBug").isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariables(escalation.serviceRequest().getId())).containsEntry("ticketKey", null);

    outbox.dispatchDue();
    List<NotificationLogEntry> sent = notifications.findByCaseNumberOrderById(caseNumber);
    assertThat(sent).extracting(NotificationLogEntry::getKind).containsExactly("acknowledgement", "bug-explanation");
    assertThat(sent.get(1).getMessage()).isEqualTo(explanation);
    assertThat(sent.get(1).getRecipient()).isEqualTo("C-1001");
    assertThat(steps.runningRndDesks(caseNumber)).isZero();
  }

  @Test
  void reproducibleBugGoesToRndFailsTheRetestOnceAndIsFixedInTheSecondRound() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    String caseNumber = escalation.caseNumber();
    ProcessInstance bug = escalation.bug();

    steps.complete("erin", bug.getId(), "ReproduceBug", Map.of("reproducible", true, "reproductionSteps", STEPS));
    assertThat(bug).hasPassed("NotifyBugConfirmed").isWaitingAt("OpenRndTicket");
    assertThat(tickets.findByCaseNumberOrderById(caseNumber)).isEmpty();

    // Open R&D ticket is asynchronous: the ticket and its outbox message come with the job.
    steps.executeJob(bug.getId(), "OpenRndTicket");
    String ticketKey = "RND-" + caseNumber.substring("AS-".length()) + "-1";
    assertThat(bug).hasPassed("OpenRndTicket").isWaitingAt("AwaitTicket").variables()
        .containsEntry("ticketKey", ticketKey).containsEntry("reopenCount", 0);
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getCaseNumber()).isEqualTo(caseNumber);
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.OPEN);
    assertThat(ticket.getRound()).isEqualTo(1);
    assertThat(ticket.getProductSku()).isEqualTo("OA-SUITE");
    assertThat(ticket.getReproductionSteps()).isEqualTo(STEPS);
    assertThat(ticket.getConfirmedAt()).isEqualTo(ProcessSteps.MONDAY_10_SHANGHAI);
    assertThat(rndTicketMessages(caseNumber)).singleElement().satisfies(m -> {
      assertThat(m.getIdempotencyKey()).isEqualTo("rnd:" + ticketKey + ":1");
      assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
      assertThat(m.getPayload()).contains("\"action\":\"open\"", "\"round\":1");
    });
    assertThat(steps.runningRndDesks(caseNumber)).isZero();

    // The outbox delivers the ticket to the embedded R&D desk.
    outbox.dispatchDue();
    ProcessInstance desk1 = steps.rndDesk(caseNumber, 1);
    assertThat(desk1).isNotNull();
    assertThat(desk1).hasBusinessKey(caseNumber).isWaitingAt("WorkTicket").variables()
        .containsEntry("ticketKey", ticketKey).containsEntry("round", 1).containsEntry("reproductionSteps", STEPS);
    Task work1 = steps.task(desk1.getId(), "WorkTicket");
    assertThat(candidateGroups(work1)).containsExactly("rnd");
    assertThat(rndRequests.findByTicketKeyOrderById(ticketKey))
        .extracting(RndRequest::getKind, RndRequest::getRound, RndRequest::getProcessInstanceId)
        .containsExactly(tuple("open", 1, desk1.getId()));
    assertThat(kindsSent(caseNumber)).containsExactly("acknowledgement", "bug-confirmed");

    // R&D resolves the ticket on the desk: the escalation goes to the retest.
    ProcessSteps.clockAt(TUESDAY);
    steps.complete("rnd-dev", work1, Map.of("ticketOutcome", "resolved", "fixVersion", "7.3.1",
        "rndComment", "Form listener reloaded"));
    assertThat(desk1).hasPassed("ReportTicketOutcome", "TicketClosed").isEnded();
    assertThat(bug).hasPassed("TicketResolved").isWaitingAt("RetestFix").variables()
        .containsEntry("fixVersion", "7.3.1").containsEntry("rndComment", "Form listener reloaded");
    ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.RESOLVED);
    assertThat(ticket.getFixVersion()).isEqualTo("7.3.1");
    assertThat(ticket.getRndAnsweredAt()).isEqualTo(TUESDAY);
    assertThat(steps.task(bug.getId(), "RetestFix")).isAssignedTo("carol");

    // The retest fails: the same ticket is reopened for round 2.
    steps.complete("carol", bug.getId(), "RetestFix",
        Map.of("retestPassed", false, "retestNotes", "Still stops with two approvers"));
    assertThat(bug).hasPassed("RetestGateway").isWaitingAt("ReopenRndTicket");
    steps.executeJob(bug.getId(), "ReopenRndTicket");
    assertThat(bug).hasPassed("ReopenRndTicket", "AwaitTicketJoin").isWaitingAt("AwaitTicket").variables()
        .containsEntry("ticketKey", ticketKey).containsEntry("reopenCount", 1);
    ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.OPEN);
    assertThat(ticket.getRound()).isEqualTo(2);
    assertThat(tickets.findByCaseNumberOrderById(caseNumber)).hasSize(1);
    assertThat(rndTicketMessages(caseNumber)).extracting(OutboxMessage::getIdempotencyKey)
        .containsExactly("rnd:" + ticketKey + ":1", "rnd:" + ticketKey + ":2");
    assertThat(rndTicketMessages(caseNumber).get(1).getPayload())
        .contains("\"action\":\"reopen\"", "\"round\":2", "\"retestNotes\":\"Still stops with two approvers\"");

    outbox.dispatchDue();
    ProcessInstance desk2 = steps.rndDesk(caseNumber, 2);
    assertThat(desk2).isNotNull();
    assertThat(desk2).isWaitingAt("WorkTicket").variables()
        .containsEntry("ticketKey", ticketKey).containsEntry("retestNotes", "Still stops with two approvers");
    assertThat(steps.runningRndDesks(caseNumber)).isEqualTo(1);
    assertThat(rndRequests.findByTicketKeyOrderById(ticketKey)).extracting(RndRequest::getKind, RndRequest::getRound)
        .containsExactly(tuple("open", 1), tuple("reopen", 2));

    ProcessSteps.clockAt(WEDNESDAY);
    steps.complete("rnd-dev", desk2.getId(), "WorkTicket", Map.of("ticketOutcome", "resolved", "fixVersion", "7.3.2"));
    assertThat(desk2).isEnded();
    assertThat(bug).isWaitingAt("RetestFix").variables().containsEntry("fixVersion", "7.3.2");
    assertThat(steps.openTasks(bug.getId(), "RetestFix")).isEqualTo(1);

    // The retest passes: fixed, recorded, fed back to the product.
    ProcessSteps.clockAt(THURSDAY);
    steps.complete("carol", bug.getId(), "RetestFix", Map.of("retestPassed", true));
    assertThat(bug).hasPassed("NotifyBugFixed", "RecordBugResolved", "RecordProductFeedback", "BugFixed")
        .hasNotPassed("ExplainToCustomer").isEnded();
    ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.FIXED);
    assertThat(ticket.getFixedAt()).isEqualTo(THURSDAY);
    assertThat(ticket.getFixVersion()).isEqualTo("7.3.2");
    assertThat(ticket.getRound()).isEqualTo(2);
    assertThat(productFeedback.findByCaseNumberOrderById(caseNumber)).singleElement().satisfies(f -> {
      assertThat(f.getSource()).isEqualTo("bug");
      assertThat(f.getReference()).isEqualTo(ticketKey);
      assertThat(f.getProductSku()).isEqualTo("OA-SUITE");
      assertThat(f.getProductLine()).isEqualTo("software");
      assertThat(f.getCreatedAt()).isEqualTo(THURSDAY);
      assertThat(f.getSummary()).isEqualTo("Bug: Approval flow stops after the form was changed"
          + "\nReproduction: " + STEPS
          + "\nFixed in: 7.3.2"
          + "\nRetests failed before the fix held: 1");
    });

    assertThat(escalation.serviceRequest()).hasPassed("EscalateBug").isWaitingAt("RecordResolution")
        .variables().containsEntry("ticketKey", ticketKey);

    outbox.dispatchDue();
    assertThat(kindsSent(caseNumber)).containsExactly("acknowledgement", "bug-confirmed", "bug-fixed");
    assertThat(notifications.findByCaseNumberOrderById(caseNumber).get(2).getMessage())
        .contains("已在 7.3.2 版本中修复");
  }

  @Test
  void rndRejectionThroughTheCallbackIsExplainedToTheCustomer() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, STEPS);

    ProcessSteps.clockAt(TUESDAY);
    RndEvents.Outcome outcome = rndEvents.apply(new RndEvent(ticketKey, "rejected", "ext-" + ticketKey + "-1", null,
        "Works as designed: forms apply to new requests only"));

    assertThat(outcome).isEqualTo(RndEvents.Outcome.APPLIED);
    assertRejectedAndExplained(escalation, ticketKey, "Works as designed: forms apply to new requests only");
    assertThat(bug).hasNotPassed("TicketResolved");
  }

  @Test
  void rndRejectionOnTheDeskIsExplainedToTheCustomer() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    String caseNumber = escalation.caseNumber();
    String ticketKey = steps.confirmBug(escalation, STEPS);
    outbox.dispatchDue();
    ProcessInstance desk = steps.rndDesk(caseNumber, 1);
    assertThat(desk).isNotNull();

    ProcessSteps.clockAt(TUESDAY);
    steps.complete("rnd-dev", desk.getId(), "WorkTicket",
        Map.of("ticketOutcome", "rejected", "rndComment", "Not a defect: configuration"));

    assertThat(desk).hasPassed("ReportTicketOutcome").isEnded();
    assertRejectedAndExplained(escalation, ticketKey, "Not a defect: configuration");
  }

  @Test
  void aDeskAnswerAfterACallbackRejectionIsDroppedWithoutFailingTheDeskTask() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    String caseNumber = escalation.caseNumber();
    String ticketKey = steps.confirmBug(escalation, STEPS);
    outbox.dispatchDue();
    ProcessInstance desk = steps.rndDesk(caseNumber, 1);

    ProcessSteps.clockAt(TUESDAY);
    rndEvents.apply(new RndEvent(ticketKey, "rejected", "ext-late-" + ticketKey, null, "Duplicate of RND-1"));
    steps.complete("rnd-dev", desk.getId(), "WorkTicket", Map.of("ticketOutcome", "resolved", "fixVersion", "9.9"));

    assertThat(desk).hasPassed("ReportTicketOutcome").isEnded();
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.REJECTED);
    assertThat(ticket.getFixVersion()).isNull();
    assertThat(escalation.bug()).isWaitingAt("ExplainToCustomer");
  }

  /** After R&D's rejection: recorded, explained by the owner, escalation ended, case back at its owner. */
  private void assertRejectedAndExplained(ProcessSteps.Escalation escalation, String ticketKey, String comment) {
    ProcessInstance bug = escalation.bug();
    assertThat(bug).hasPassed("TicketRejected", "RecordBugRejected", "ExplainJoin").hasNotPassed("RetestFix")
        .isWaitingAt("ExplainToCustomer").variables().containsEntry("rndComment", comment);
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.REJECTED);
    assertThat(ticket.getRejectedAt()).isEqualTo(TUESDAY);
    assertThat(ticket.getRndAnsweredAt()).isEqualTo(TUESDAY);
    assertThat(ticket.getRndComment()).isEqualTo(comment);
    assertThat(ticket.getFixedAt()).isNull();
    assertThat(steps.task(bug.getId(), "ExplainToCustomer")).isAssignedTo("carol");

    steps.complete("carol", bug.getId(), "ExplainToCustomer",
        Map.of("explanation", "R&D checked it: this is how the product works."));
    assertThat(bug).hasPassed("SendExplanation", "BugNotConfirmed").hasNotPassed("BugFixed").isEnded();
    assertThat(tickets.findByTicketKey(ticketKey).orElseThrow().getStatus()).isEqualTo(BugTicket.Status.REJECTED);
    assertThat(productFeedback.findByCaseNumberOrderById(escalation.caseNumber())).isEmpty();
    assertThat(escalation.serviceRequest()).isWaitingAt("RecordResolution").variables()
        .containsEntry("ticketKey", ticketKey);

    outbox.dispatchDue();
    assertThat(kindsSent(escalation.caseNumber()))
        .containsExactly("acknowledgement", "bug-confirmed", "bug-explanation");
  }

  private List<OutboxMessage> rndTicketMessages(String caseNumber) {
    return outboxMessages.findByCaseNumberOrderById(caseNumber).stream()
        .filter(m -> "rnd.ticket".equals(m.getType()))
        .toList();
  }

  private List<String> kindsSent(String caseNumber) {
    return notifications.findByCaseNumberOrderById(caseNumber).stream().map(NotificationLogEntry::getKind).toList();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
