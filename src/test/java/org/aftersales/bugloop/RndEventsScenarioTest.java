package org.aftersales.bugloop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Instant;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/** R&D's answers as the HTTP callback hands them to {@link RndEvents}: idempotent, and refused when out of turn. */
@ProcessScenarioTest
class RndEventsScenarioTest {

  private static final Instant TUESDAY = Instant.parse("2026-11-24T02:00:00Z");

  @Autowired ProcessEngine engine;
  @Autowired HistoryService historyService;
  @Autowired CaseIntake intake;
  @Autowired RndEvents rndEvents;
  @Autowired BugTicketRepository tickets;

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
  void eventForAnUnknownTicketIsNotFound() {
    assertThatThrownBy(() -> rndEvents.apply(new RndEvent("RND-1999-999999-1", "resolved", "ext-unknown", "1.0", null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("No R&D ticket RND-1999-999999-1");
        });
  }

  @Test
  void sameResolvedEventTwiceIsADuplicateAndTheRetestHappensOnce() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");
    RndEvent resolved = new RndEvent(ticketKey, "resolved", "ext-" + ticketKey + "-1", "7.3.1", "fixed");

    ProcessSteps.clockAt(TUESDAY);
    assertThat(rndEvents.apply(resolved)).isEqualTo(RndEvents.Outcome.APPLIED);
    ProcessSteps.clockAt(TUESDAY.plusSeconds(600));
    assertThat(rndEvents.apply(resolved)).isEqualTo(RndEvents.Outcome.DUPLICATE);
    // The same answer without an event id is recognised by the ticket's state.
    assertThat(rndEvents.apply(new RndEvent(ticketKey, "resolved", null, "7.3.9", "again")))
        .isEqualTo(RndEvents.Outcome.DUPLICATE);

    assertThat(bug).isWaitingAt("RetestFix").variables().containsEntry("fixVersion", "7.3.1");
    assertThat(steps.openTasks(bug.getId(), "RetestFix")).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(bug.getId())
        .activityId("TicketResolved").count()).isEqualTo(1);
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.RESOLVED);
    assertThat(ticket.getFixVersion()).isEqualTo("7.3.1");
    assertThat(ticket.getRndAnsweredAt()).isEqualTo(TUESDAY);
  }

  @Test
  void rejectionAfterTheResolutionIsAConflict() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");
    assertThat(rndEvents.apply(new RndEvent(ticketKey, "resolved", null, "7.3.1", null)))
        .isEqualTo(RndEvents.Outcome.APPLIED);

    assertThatThrownBy(() -> rndEvents.apply(new RndEvent(ticketKey, "rejected", "ext-late-rejection", null,
        "changed our mind")))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.getMessage()).contains(ticketKey, "already resolved");
        });

    assertThat(bug).isWaitingAt("RetestFix").hasNotPassed("TicketRejected", "RecordBugRejected");
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.RESOLVED);
    assertThat(ticket.getRejectedAt()).isNull();
    assertThat(ticket.getRndComment()).isNull();
  }

  @Test
  void rejectionTwiceIsADuplicateAndAResolutionAfterwardsAConflict() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");
    ProcessSteps.clockAt(TUESDAY);
    assertThat(rndEvents.apply(new RndEvent(ticketKey, "rejected", null, null, "works as designed")))
        .isEqualTo(RndEvents.Outcome.APPLIED);

    assertThat(rndEvents.apply(new RndEvent(ticketKey, "rejected", null, null, "works as designed")))
        .isEqualTo(RndEvents.Outcome.DUPLICATE);
    assertThatThrownBy(() -> rndEvents.apply(new RndEvent(ticketKey, "resolved", null, "7.3.1", null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

    assertThat(bug).isWaitingAt("ExplainToCustomer").hasNotPassed("RetestFix");
    assertThat(steps.openTasks(bug.getId(), "ExplainToCustomer")).isEqualTo(1);
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.REJECTED);
    assertThat(ticket.getRejectedAt()).isEqualTo(TUESDAY);
    assertThat(ticket.getFixVersion()).isNull();
  }

  @Test
  void eventRedeliveredAfterTheTicketWasReopenedIsADuplicate() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");
    RndEvent firstFix = new RndEvent(ticketKey, "resolved", "ext-" + ticketKey + "-fix-1", "7.3.1", null);
    assertThat(rndEvents.apply(firstFix)).isEqualTo(RndEvents.Outcome.APPLIED);
    steps.complete("carol", bug.getId(), "RetestFix", Map.of("retestPassed", false, "retestNotes", "still broken"));
    steps.executeJob(bug.getId(), "ReopenRndTicket");
    assertThat(bug).isWaitingAt("AwaitTicket");

    // A late redelivery of round 1's answer must not pass for round 2's.
    assertThat(rndEvents.apply(firstFix)).isEqualTo(RndEvents.Outcome.DUPLICATE);

    assertThat(bug).isWaitingAt("AwaitTicket").isNotWaitingAt("RetestFix");
    assertThat(steps.openTasks(bug.getId(), "RetestFix")).isZero();
    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(bug.getId())
        .activityId("TicketResolved").count()).isEqualTo(1);
    BugTicket ticket = tickets.findByTicketKey(ticketKey).orElseThrow();
    assertThat(ticket.getStatus()).isEqualTo(BugTicket.Status.OPEN);
    assertThat(ticket.getRound()).isEqualTo(2);

    // Round 2's own answer is applied.
    assertThat(rndEvents.apply(new RndEvent(ticketKey, "resolved", "ext-" + ticketKey + "-fix-2", "7.3.2", null)))
        .isEqualTo(RndEvents.Outcome.APPLIED);
    assertThat(bug).isWaitingAt("RetestFix").variables().containsEntry("fixVersion", "7.3.2");
    assertThat(tickets.findByTicketKey(ticketKey).orElseThrow().getStatus()).isEqualTo(BugTicket.Status.RESOLVED);
  }

  @Test
  void answerNamingAnEarlierRoundIsADuplicateAndALaterRoundAConflict() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance bug = escalation.bug();
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");
    RndEvent roundOne = new RndEvent(ticketKey, "resolved", null, "7.3.1", null, 1);
    assertThat(rndEvents.apply(roundOne)).isEqualTo(RndEvents.Outcome.APPLIED);
    steps.complete("carol", bug.getId(), "RetestFix", Map.of("retestPassed", false, "retestNotes", "still broken"));
    steps.executeJob(bug.getId(), "ReopenRndTicket");

    // without an event id, the round tells round 1's redelivery from round 2's answer
    assertThat(rndEvents.apply(roundOne)).isEqualTo(RndEvents.Outcome.DUPLICATE);
    assertThat(bug).isWaitingAt("AwaitTicket");
    assertThatThrownBy(() -> rndEvents.apply(new RndEvent(ticketKey, "resolved", null, "7.4", null, 3)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    assertThat(tickets.findByTicketKey(ticketKey).orElseThrow().getStatus()).isEqualTo(BugTicket.Status.OPEN);

    assertThat(rndEvents.apply(new RndEvent(ticketKey, "resolved", null, "7.3.2", null, 2)))
        .isEqualTo(RndEvents.Outcome.APPLIED);
    assertThat(bug).isWaitingAt("RetestFix").variables().containsEntry("fixVersion", "7.3.2");
  }

  @Test
  void invalidStatusIsABadRequestAndChangesNothing() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    String ticketKey = steps.confirmBug(escalation, "Submit after a form change");

    assertThatThrownBy(() -> rndEvents.apply(new RndEvent(ticketKey, "fixed", "ext-bad-status", "7.3.1", null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).containsExactly(new FieldProblem("status", "must be one of resolved, rejected"));
        });
    assertThatThrownBy(() -> rndEvents.apply(new RndEvent(" ", null, null, null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).extracting(FieldProblem::field).containsExactly("status", "ticketKey");
        });

    assertThat(escalation.bug()).isWaitingAt("AwaitTicket");
    assertThat(tickets.findByTicketKey(ticketKey).orElseThrow().getStatus()).isEqualTo(BugTicket.Status.OPEN);
    // The refused event's id was not taken: the same id with a valid status is applied.
    assertThat(rndEvents.apply(new RndEvent(ticketKey, "resolved", "ext-bad-status", "7.3.1", null)))
        .isEqualTo(RndEvents.Outcome.APPLIED);
    assertThat(escalation.bug()).isWaitingAt("RetestFix");
  }
}
