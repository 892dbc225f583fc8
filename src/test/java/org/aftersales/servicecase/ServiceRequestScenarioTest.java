package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.integration.notification.NotificationLogEntry;
import org.aftersales.integration.notification.NotificationLogRepository;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.Cases;
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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

@ProcessScenarioTest
class ServiceRequestScenarioTest {

  private static final Instant MONDAY_10 = ProcessSteps.MONDAY_10_SHANGHAI;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseIntake intake;
  @Autowired CaseFeedback feedback;
  @Autowired ServiceCaseRepository cases;
  @Autowired CaseSlaRepository slas;
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
  void consultationIsAnsweredResolvedRatedAndClosed() {
    ClockUtil.setCurrentTime(java.util.Date.from(Instant.parse("2026-11-23T02:00:00Z"))); // Monday 10:00 Shanghai
    CaseIntake.OpenedCase opened = intake.open(Cases.request(null, "normal", "email", "standard", false), "desk");
    ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceId(opened.processInstanceId())
        .singleResult();

    assertThat(pi).isWaitingAt("AcknowledgeCustomer");
    assertThat(task()).hasCandidateGroup("customer-service");
    taskService.claim(task().getId(), "alice");
    taskService.complete(task().getId(), withVariables("acknowledgementMessage", "We are on it"));

    assertThat(pi).hasPassed("NotifyAcknowledgement").isWaitingAt("TriageCase");
    assertThat(task()).isAssignedTo("alice");
    taskService.complete(task().getId(), withVariables("category", "consultation"));
    assertThat(pi).isWaitingAt("AnswerConsultation");
    taskService.complete(task().getId(), withVariables("answer", "Use the new form version"));
    assertThat(pi).hasPassed("SendAnswer").isWaitingAt("RecordResolution");
    taskService.complete(task().getId(), withVariables("resolutionSummary", "Explained form versions"));
    assertThat(pi).isWaitingAt("AwaitFeedback");

    assertThat(feedback.record(opened.caseNumber(), new CaseFeedback.Rating(5, "quick")))
        .isEqualTo(CaseFeedback.Outcome.RECORDED);
    assertThat(pi).hasPassed("CloseCase").isEnded();

    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.getOwner()).isEqualTo("alice");
    assertThat(c.getCategory()).isEqualTo("consultation");
    assertThat(c.getResolutionSummary()).isEqualTo("Explained form versions");
    assertThat(c.getSatisfaction()).isEqualTo(5);
    assertThat(slas.findByCaseNumberAndKind(opened.caseNumber(), CaseSla.FIRST_RESPONSE).orElseThrow().getStatus())
        .isEqualTo(CaseSla.MET);

    outbox.dispatchDue();
    assertThat(notifications.findByCaseNumberOrderById(opened.caseNumber()))
        .extracting(n -> n.getKind()).containsExactly("acknowledgement", "consultation-answer", "survey");
    assertThat(notifications.findByCaseNumberOrderById(opened.caseNumber()).get(1).getMessage())
        .isEqualTo("Use the new form version");
  }

  // --- feedback wait -----------------------------------------------------------------------

  @Test
  void resolvedCaseClosesWithoutRatingWhenTheFeedbackWaitIsOver() {
    Instant resolvedAt = Instant.parse("2026-11-24T03:00:00Z");
    CaseIntake.OpenedCase opened = resolvedConsultation("alice", resolvedAt);
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    assertThat(pi).hasPassed("StoreResolution", "AskForFeedback").isWaitingAt("AwaitFeedback");

    Instant deadline = Instant.parse("2026-12-01T03:00:00Z"); // P7D after the resolution
    assertThat(steps.variable(pi.getId(), "feedbackDeadline")).isEqualTo(Date.from(deadline));
    assertThat(steps.job(pi.getId(), "FeedbackWaitOver").getDuedate()).isEqualTo(Date.from(deadline));
    ProcessSteps.clockAt(deadline.minusSeconds(60));
    assertThat(steps.isDue(pi.getId(), "FeedbackWaitOver")).isFalse();

    Instant waitOver = deadline.plusSeconds(60);
    ProcessSteps.clockAt(waitOver);
    assertThat(steps.isDue(pi.getId(), "FeedbackWaitOver")).isTrue();
    steps.executeJob(pi.getId(), "FeedbackWaitOver");

    assertThat(pi).hasPassed("FeedbackWaitOver", "CloseCase", "CaseClosed").hasNotPassed("FeedbackReceived")
        .isEnded();
    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.getClosedAt()).isEqualTo(waitOver);
    assertThat(c.getResolvedAt()).isEqualTo(resolvedAt);
    assertThat(c.getSatisfaction()).isNull();
    assertThat(c.getFeedbackAt()).isNull();

    // A rating that comes after the case closed finds nothing waiting for it.
    assertThatThrownBy(() -> feedback.record(opened.caseNumber(), new CaseFeedback.Rating(4, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    assertThat(cases.findByCaseNumber(opened.caseNumber()).orElseThrow().getSatisfaction()).isNull();
  }

  // --- first-response SLA ------------------------------------------------------------------

  @Test
  void firstResponseAtRiskWarnsTheTeamLeadThenTheBreachEscalatesTheTask() {
    // normal / email / standard: 480 business minutes from Monday 10:00 = Monday 18:00, warned at 75% = 16:00
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request(null, "normal", "email", "standard", false));
    String caseNumber = opened.caseNumber();
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    Instant warnAt = ProcessSteps.shanghai("2026-11-23T16:00");
    Instant due = ProcessSteps.shanghai("2026-11-23T18:00");

    assertThat(pi).hasPassed("DetermineSlaTargets", "SetFirstResponseDeadline").isWaitingAt("AcknowledgeCustomer")
        .variables()
        .containsEntry("firstResponseMinutes", 480)
        .containsEntry("firstResponseWarnAt", Date.from(warnAt))
        .containsEntry("firstResponseDue", Date.from(due));
    Task acknowledge = steps.task(pi.getId(), "AcknowledgeCustomer");
    assertThat(acknowledge).hasDueDate(Date.from(due)).hasCandidateGroup("customer-service").isNotAssigned();
    assertThat(candidateGroups(acknowledge)).containsExactly("customer-service");
    CaseSla sla = firstResponse(caseNumber);
    assertThat(sla.getTargetMinutes()).isEqualTo(480);
    assertThat(sla.isAroundTheClock()).isFalse();
    assertThat(sla.getStartedAt()).isEqualTo(MONDAY_10);
    assertThat(sla.getWarnAt()).isEqualTo(warnAt);
    assertThat(sla.getDeadline()).isEqualTo(due);
    assertThat(sla.getStatus()).isEqualTo(CaseSla.RUNNING);
    assertThat(steps.job(pi.getId(), "FirstResponseAtRisk").getDuedate()).isEqualTo(Date.from(warnAt));
    assertThat(steps.job(pi.getId(), "FirstResponseBreached").getDuedate()).isEqualTo(Date.from(due));

    // 15:59: nothing is due yet
    ProcessSteps.clockAt(warnAt.minusSeconds(60));
    assertThat(steps.isDue(pi.getId(), "FirstResponseAtRisk")).isFalse();

    // 16:01: the team lead is warned; the clock keeps running
    Instant warnedAt = warnAt.plusSeconds(60);
    ProcessSteps.clockAt(warnedAt);
    assertThat(steps.isDue(pi.getId(), "FirstResponseAtRisk")).isTrue();
    assertThat(steps.isDue(pi.getId(), "FirstResponseBreached")).isFalse();
    steps.executeJob(pi.getId(), "FirstResponseAtRisk");

    assertThat(pi).hasPassed("WarnTeamLead", "TeamLeadWarned").hasNotPassed("EscalateBreach")
        .isWaitingAt("AcknowledgeCustomer");
    sla = firstResponse(caseNumber);
    assertThat(sla.getWarnedAt()).isEqualTo(warnedAt);
    assertThat(sla.getStatus()).isEqualTo(CaseSla.RUNNING);
    assertThat(sla.getBreachedAt()).isNull();
    assertThat(outboxMessages.findByCaseNumberOrderById(caseNumber))
        .filteredOn(m -> m.getPayload().contains("\"kind\":\"sla-warning\""))
        .singleElement()
        .satisfies(m -> {
          assertThat(m.getType()).isEqualTo("notification.send");
          assertThat(m.getStatus()).isEqualTo(OutboxMessage.Status.PENDING);
          assertThat(m.getPayload()).contains("\"recipientType\":\"group\"", "\"recipient\":\"approver-lead\"");
        });
    acknowledge = steps.task(pi.getId(), "AcknowledgeCustomer");
    assertThat(acknowledge.getPriority()).isEqualTo(Task.PRIORITY_NORMAL);
    assertThat(candidateGroups(acknowledge)).containsExactly("customer-service");

    // 18:05: the deadline has passed; the task goes to the team leads' queue too, with high priority
    Instant breachedAt = due.plusSeconds(300);
    ProcessSteps.clockAt(breachedAt);
    assertThat(steps.isDue(pi.getId(), "FirstResponseBreached")).isTrue();
    steps.executeJob(pi.getId(), "FirstResponseBreached");

    assertThat(pi).hasPassed("EscalateBreach", "BreachEscalated").isWaitingAt("AcknowledgeCustomer");
    sla = firstResponse(caseNumber);
    assertThat(sla.getStatus()).isEqualTo(CaseSla.MISSED);
    assertThat(sla.getBreachedAt()).isEqualTo(breachedAt);
    assertThat(sla.getWarnedAt()).isEqualTo(warnedAt);
    acknowledge = steps.task(pi.getId(), "AcknowledgeCustomer");
    assertThat(acknowledge).hasCandidateGroup("approver-lead").hasCandidateGroup("customer-service").isNotAssigned();
    assertThat(candidateGroups(acknowledge)).containsExactlyInAnyOrder("customer-service", "approver-lead");
    assertThat(acknowledge.getPriority()).isEqualTo(80);

    // 18:30: acknowledged late; the SLA stays missed
    Instant acknowledgedAt = due.plusSeconds(1800);
    ProcessSteps.clockAt(acknowledgedAt);
    steps.complete("bob", acknowledge, Map.of("acknowledgementMessage", "Sorry for the wait"));

    assertThat(pi).hasPassed("NotifyAcknowledgement").isWaitingAt("TriageCase")
        .variables().containsEntry("caseOwner", "bob");
    assertThat(steps.task(pi.getId(), "TriageCase")).isAssignedTo("bob");
    ServiceCase c = cases.findByCaseNumber(caseNumber).orElseThrow();
    assertThat(c.getOwner()).isEqualTo("bob");
    assertThat(c.getAcknowledgedAt()).isEqualTo(acknowledgedAt);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.ACKNOWLEDGED);
    sla = firstResponse(caseNumber);
    assertThat(sla.getStatus()).isEqualTo(CaseSla.MISSED);
    assertThat(sla.getBreachedAt()).isEqualTo(breachedAt);
    assertThat(sla.getMetAt()).isEqualTo(acknowledgedAt);
    assertThat(steps.openTasks(pi.getId(), "AcknowledgeCustomer")).isZero();

    outbox.dispatchDue();
    assertThat(notifications.findByCaseNumberOrderById(caseNumber))
        .extracting(NotificationLogEntry::getKind, NotificationLogEntry::getRecipientType,
            NotificationLogEntry::getRecipient)
        .containsExactly(
            tuple("sla-warning", "group", "approver-lead"),
            tuple("sla-breach", "group", "approver-lead"),
            tuple("acknowledgement", "customer", "C-1001"));
    assertThat(notifications.findByCaseNumberOrderById(caseNumber).get(0).getSubject())
        .isEqualTo("工单 " + caseNumber + "：首次响应截止时间 2026-11-23 18:00");
  }

  @Test
  void standardDeadlineOnFridayAfternoonRunsOverTheWeekendToMondayNoon() {
    // normal / hotline / standard: 240 business minutes; 60 on Friday, 180 on Monday
    Instant friday17 = ProcessSteps.shanghai("2026-11-27T17:00");
    CaseIntake.OpenedCase opened = steps.openAt(friday17, Cases.request(null, "normal", "hotline", "standard", false));
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    Instant due = ProcessSteps.shanghai("2026-11-30T12:00");
    Instant warnAt = ProcessSteps.shanghai("2026-11-30T11:00"); // 180 business minutes

    assertThat(pi).isWaitingAt("AcknowledgeCustomer").variables()
        .containsEntry("firstResponseMinutes", 240)
        .containsEntry("firstResponseDue", Date.from(due))
        .containsEntry("firstResponseWarnAt", Date.from(warnAt));
    assertThat(steps.task(pi.getId(), "AcknowledgeCustomer")).hasDueDate(Date.from(due));
    assertThat(steps.job(pi.getId(), "FirstResponseBreached").getDuedate()).isEqualTo(Date.from(due));
    CaseSla sla = firstResponse(opened.caseNumber());
    assertThat(sla.getTargetMinutes()).isEqualTo(240);
    assertThat(sla.isAroundTheClock()).isFalse();
    assertThat(sla.getDeadline()).isEqualTo(due);

    // Saturday noon: the weekend does not count
    ProcessSteps.clockAt(ProcessSteps.shanghai("2026-11-28T12:00"));
    assertThat(steps.isDue(pi.getId(), "FirstResponseAtRisk")).isFalse();
    assertThat(steps.isDue(pi.getId(), "FirstResponseBreached")).isFalse();
  }

  /** Issue 15, point 4: the shipped 2026 calendar (Golden Week, then the make-up Saturday) drives the case's clock. */
  @Test
  void standardDeadlinesSkipGoldenWeekAndCountTheMakeUpSaturday() {
    // Wed Sep 30 17:00: 60 minutes that day, Oct 1-7 off, 180 minutes on Thu Oct 8
    CaseIntake.OpenedCase beforeHoliday = steps.openAt(ProcessSteps.shanghai("2026-09-30T17:00"),
        Cases.request(null, "normal", "hotline", "standard", false));
    ProcessInstance first = steps.instance(beforeHoliday.processInstanceId());
    assertThat(first).isWaitingAt("AcknowledgeCustomer").variables()
        .containsEntry("firstResponseDue", Date.from(ProcessSteps.shanghai("2026-10-08T12:00")))
        .containsEntry("firstResponseWarnAt", Date.from(ProcessSteps.shanghai("2026-10-08T11:00")));
    assertThat(steps.job(first.getId(), "FirstResponseBreached").getDuedate())
        .isEqualTo(Date.from(ProcessSteps.shanghai("2026-10-08T12:00")));
    assertThat(firstResponse(beforeHoliday.caseNumber()).getDeadline())
        .isEqualTo(ProcessSteps.shanghai("2026-10-08T12:00"));

    // Fri Oct 9 17:00: 60 minutes that day, then Saturday Oct 10 is a working day (调休)
    CaseIntake.OpenedCase beforeMakeUpDay = steps.openAt(ProcessSteps.shanghai("2026-10-09T17:00"),
        Cases.request(null, "normal", "hotline", "standard", false));
    ProcessInstance second = steps.instance(beforeMakeUpDay.processInstanceId());
    assertThat(second).isWaitingAt("AcknowledgeCustomer").variables()
        .containsEntry("firstResponseDue", Date.from(ProcessSteps.shanghai("2026-10-10T12:00")))
        .containsEntry("firstResponseWarnAt", Date.from(ProcessSteps.shanghai("2026-10-10T11:00")));
    assertThat(steps.task(second.getId(), "AcknowledgeCustomer"))
        .hasDueDate(Date.from(ProcessSteps.shanghai("2026-10-10T12:00")));

    // National Day itself, noon: the first case's clock has not run out
    ProcessSteps.clockAt(ProcessSteps.shanghai("2026-10-05T12:00"));
    assertThat(steps.isDue(first.getId(), "FirstResponseBreached")).isFalse();
  }

  @Test
  void premiumComplaintOnFridayAfternoonIsDueWithinTheHourAroundTheClock() {
    Instant friday17 = ProcessSteps.shanghai("2026-11-27T17:00");
    CaseIntake.OpenedCase opened = steps.openAt(friday17, Cases.request(null, "normal", "hotline", "premium", true));
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    Instant due = ProcessSteps.shanghai("2026-11-27T18:00");
    Instant warnAt = ProcessSteps.shanghai("2026-11-27T17:45");

    assertThat(pi).isWaitingAt("AcknowledgeCustomer").variables()
        .containsEntry("firstResponseMinutes", 60)
        .containsEntry("firstResponseDue", Date.from(due))
        .containsEntry("firstResponseWarnAt", Date.from(warnAt));
    assertThat(steps.task(pi.getId(), "AcknowledgeCustomer")).hasDueDate(Date.from(due));
    CaseSla sla = firstResponse(opened.caseNumber());
    assertThat(sla.getTargetMinutes()).isEqualTo(60);
    assertThat(sla.isAroundTheClock()).isTrue();
    assertThat(sla.getWarnAt()).isEqualTo(warnAt);
    assertThat(sla.getDeadline()).isEqualTo(due);
  }

  // --- triage ------------------------------------------------------------------------------

  @Test
  void categoryGivenAtIntakeIsKeptWhenTriageConfirmsIt() {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request("refund", "normal", "portal", "standard",
        false));
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    assertThat(pi).variables().containsEntry("category", "refund");
    steps.complete("alice", pi.getId(), "AcknowledgeCustomer", Map.of());
    steps.complete("alice", pi.getId(), "TriageCase", Map.of("triageNotes", "Refund as the customer said"));

    assertThat(pi).hasPassed("CategoryGateway").isWaitingAt("RefundCase")
        .variables().containsEntry("category", "refund");
    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getCategory()).isEqualTo("refund");
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @ParameterizedTest
  @CsvSource({"return-exchange, ReturnExchange, return-exchange", "refund, RefundCase, refund-adjustment"})
  void returnAndRefundCallTheirProcessesWithTheCase(String category, String callActivity, String calledProcess) {
    // Intake guessed consultation; triage decides.
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request("consultation", "normal", "email",
        "standard", false));
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    steps.complete("alice", pi.getId(), "AcknowledgeCustomer", Map.of());
    steps.complete("alice", pi.getId(), "TriageCase", Map.of("category", category));

    assertThat(pi).isWaitingAt(callActivity).hasNotPassed("AnswerConsultation", "EscalateBug");
    ProcessInstance called = steps.calledInstance(pi.getId());
    assertThat(called.getProcessDefinitionId()).startsWith(calledProcess + ":");
    assertThat(called.getBusinessKey()).isEqualTo(opened.caseNumber());
    assertThat(runtimeService.getVariable(called.getId(), "caseOwner")).isEqualTo("alice");
    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getCategory()).isEqualTo(category);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.IN_PROGRESS);
  }

  @Test
  void triageRefusesACategoryTheProcessDoesNotKnow() {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request(null, "normal", "email", "standard", false));
    ProcessInstance pi = steps.instance(opened.processInstanceId());
    steps.complete("alice", pi.getId(), "AcknowledgeCustomer", Map.of());

    org.assertj.core.api.Assertions.assertThatThrownBy(() -> steps.complete("alice", pi.getId(), "TriageCase",
        Map.of("category", "warranty-claim"))).hasMessageContaining("category");
    assertThat(pi).isWaitingAt("TriageCase");
  }

  @Test
  void bugCategoryCallsBugEscalationWithTheCaseNumberAndOwner() {
    ProcessSteps.Escalation escalation = steps.escalateBug("carol");
    ProcessInstance serviceRequest = escalation.serviceRequest();
    ProcessInstance bug = escalation.bug();

    assertThat(serviceRequest).isWaitingAt("EscalateBug");
    assertThat(bug).hasProcessDefinitionKey("bug-escalation").hasBusinessKey(escalation.caseNumber())
        .isWaitingAt("ReproduceBug")
        .variables()
        .containsEntry("caseNumber", escalation.caseNumber())
        .containsEntry("caseOwner", "carol")
        .containsEntry("customerId", "C-1001")
        .containsEntry("customerName", "Acme Film Studio")
        .containsEntry("productSku", "OA-SUITE")
        .containsEntry("productLine", "software")
        .containsEntry("description", "Approval flow stops after the form was changed");
    assertThat(cases.findByCaseNumber(escalation.caseNumber()).orElseThrow().getCategory()).isEqualTo("bug");

    // Shortest way through: not reproducible, explained, ended.
    steps.complete("carol", bug.getId(), "ReproduceBug", Map.of("reproducible", false));
    steps.complete("carol", bug.getId(), "ExplainToCustomer", Map.of("explanation", "Works as designed"));
    assertThat(bug).hasPassed("BugNotConfirmed").isEnded();

    assertThat(serviceRequest).hasPassed("EscalateBug", "ResolutionJoin").isWaitingAt("RecordResolution");
    assertThat(runtimeService.getVariables(serviceRequest.getId())).containsEntry("ticketKey", null);
    assertThat(steps.task(serviceRequest.getId(), "RecordResolution")).isAssignedTo("carol");
    steps.complete("carol", serviceRequest.getId(), "RecordResolution",
        Map.of("resolutionSummary", "Explained the designed behaviour"));
    assertThat(serviceRequest).isWaitingAt("AwaitFeedback");
    assertThat(cases.findByCaseNumber(escalation.caseNumber()).orElseThrow().getStatus())
        .isEqualTo(CaseStatus.RESOLVED);
  }

  // --- customer feedback -------------------------------------------------------------------

  @Test
  void sameRatingTwiceIsADuplicateAndADifferentOneAConflict() {
    Instant resolvedAt = Instant.parse("2026-11-24T03:00:00Z");
    CaseIntake.OpenedCase opened = resolvedConsultation("alice", resolvedAt);
    Instant ratedAt = Instant.parse("2026-11-25T03:00:00Z");
    ProcessSteps.clockAt(ratedAt);

    assertThat(feedback.record(opened.caseNumber(), new CaseFeedback.Rating(4, "ok")))
        .isEqualTo(CaseFeedback.Outcome.RECORDED);
    assertThat(runtimeService.createProcessInstanceQuery().processInstanceId(opened.processInstanceId()).count())
        .isZero();
    ProcessSteps.clockAt(ratedAt.plusSeconds(3600));
    assertThat(feedback.record(opened.caseNumber(), new CaseFeedback.Rating(4, "ok")))
        .isEqualTo(CaseFeedback.Outcome.DUPLICATE);

    assertThatThrownBy(() -> feedback.record(opened.caseNumber(), new CaseFeedback.Rating(5, "ok")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));
    assertThatThrownBy(() -> feedback.record(opened.caseNumber(), new CaseFeedback.Rating(4, "better now")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT));

    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getSatisfaction()).isEqualTo(4);
    assertThat(c.getFeedbackComment()).isEqualTo("ok");
    assertThat(c.getFeedbackAt()).isEqualTo(ratedAt);
    assertThat(c.getStatus()).isEqualTo(CaseStatus.CLOSED);
    assertThat(c.getClosedAt()).isEqualTo(ratedAt);
  }

  @Test
  void ratingBeforeTheCaseIsResolvedIsAConflict() {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10, Cases.request(null, "normal", "email", "standard", false));

    assertThatThrownBy(() -> feedback.record(opened.caseNumber(), new CaseFeedback.Rating(5, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.CONFLICT);
          assertThat(e.getMessage()).contains("not waiting for feedback (status open)");
        });

    assertThat(steps.instance(opened.processInstanceId())).isWaitingAt("AcknowledgeCustomer");
    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getSatisfaction()).isNull();
    assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
  }

  @ParameterizedTest
  @ValueSource(ints = {0, 6})
  void ratingOutsideOneToFiveIsABadRequest(int satisfaction) {
    CaseIntake.OpenedCase opened = resolvedConsultation("alice", Instant.parse("2026-11-24T03:00:00Z"));

    assertThatThrownBy(() -> feedback.record(opened.caseNumber(), new CaseFeedback.Rating(satisfaction, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).containsExactly(new FieldProblem("satisfaction", "must be between 1 and 5"));
        });

    assertThat(steps.instance(opened.processInstanceId())).isWaitingAt("AwaitFeedback");
    assertThat(cases.findByCaseNumber(opened.caseNumber()).orElseThrow().getSatisfaction()).isNull();
  }

  @Test
  void ratingForAnUnknownCaseIsNotFound() {
    assertThatThrownBy(() -> feedback.record("AS-1999-999999", new CaseFeedback.Rating(5, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.NOT_FOUND);
          assertThat(e.getMessage()).isEqualTo("No case AS-1999-999999");
        });
  }

  // --- intake validation -------------------------------------------------------------------

  @Test
  void intakeNamesEveryInvalidFieldAndOpensNothing() {
    ProcessSteps.clockAt(MONDAY_10);
    NewCaseRequest request = new NewCaseRequest(
        null,
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 11, 24)), // tomorrow
        "fax", "normal", "warranty", false,
        "x".repeat(8001));
    long casesBefore = cases.count();
    long instancesBefore = runtimeService.createProcessInstanceQuery().processDefinitionKey("service-request")
        .count();

    assertThatThrownBy(() -> intake.open(request, "desk"))
        .isInstanceOfSatisfying(ApiException.class, e -> {
          assertThat(e.status()).isEqualTo(HttpStatus.BAD_REQUEST);
          assertThat(e.fields()).extracting(FieldProblem::field, FieldProblem::message).containsExactly(
              tuple("category", "must be one of consultation, bug, repair, return-exchange, refund"),
              tuple("channel", "must be one of sales, hotline, portal, email"),
              tuple("customer", "is required"),
              tuple("description", "must be at most 4000 characters"),
              tuple("product.purchaseDate", "must not be in the future"));
        });

    assertThat(cases.count()).isEqualTo(casesBefore);
    assertThat(runtimeService.createProcessInstanceQuery().processDefinitionKey("service-request").count())
        .isEqualTo(instancesBefore);
  }

  @Test
  void theCustomerIsToldInTheirLanguageAndTheTeamInTheCompanys() {
    ProcessSteps.clockAt(MONDAY_10);
    NewCaseRequest.Customer english = new NewCaseRequest.Customer("C-7001", "Harbour Film Studio", "Ningbo", 2,
        "standard", null, "en");
    NewCaseRequest request = new NewCaseRequest(english,
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-000777", LocalDate.of(2026, 5, 1)),
        "email", null, "bug", null, "Approval flow stops");
    CaseIntake.OpenedCase opened = intake.open(request, "desk");
    assertThat(cases.findByCaseNumber(opened.caseNumber()).orElseThrow().getCustomerLanguage()).isEqualTo("en");
    String chinese = intake.open(Cases.request(null, "normal", "email", "standard", false), "desk").caseNumber();

    for (String caseNumber : List.of(opened.caseNumber(), chinese)) {
      ProcessInstance pi = runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
          .singleResult();
      Task acknowledge = taskService.createTaskQuery().processInstanceId(pi.getId()).singleResult();
      taskService.complete(acknowledge.getId(), withVariables("acknowledgementMessage", ""));
    }
    outbox.dispatchDue();

    NotificationLogEntry toEnglish = notifications.findByCaseNumberOrderById(opened.caseNumber()).get(0);
    assertThat(toEnglish.getSubject()).isEqualTo("We are on your request " + opened.caseNumber());
    assertThat(toEnglish.getMessage()).isEqualTo("We have received your request and are working on it.");
    NotificationLogEntry toChinese = notifications.findByCaseNumberOrderById(chinese).get(0);
    assertThat(toChinese.getSubject()).isEqualTo("我们已受理您的请求 " + chinese);
    assertThat(toChinese.getMessage()).isEqualTo("我们已收到您的请求，正在处理。");
  }

  @Test
  void purchasedTodayWithoutPriorityCategoryOrContractLevelIsValid() {
    ProcessSteps.clockAt(MONDAY_10);
    NewCaseRequest request = new NewCaseRequest(
        new NewCaseRequest.Customer("C-1001", "Acme Film Studio", "Beijing", 1, null),
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 11, 23)), // today
        "email", null, null, null, "  Approval flow stops  ");

    CaseIntake.OpenedCase opened = intake.open(request, "desk");

    ServiceCase c = cases.findByCaseNumber(opened.caseNumber()).orElseThrow();
    assertThat(c.getPriority()).isEqualTo("normal");
    assertThat(c.getContractLevel()).isEqualTo("standard");
    assertThat(c.getCategory()).isNull();
    assertThat(c.isComplaint()).isFalse();
    assertThat(c.getDescription()).isEqualTo("Approval flow stops");
    assertThat(c.getStatus()).isEqualTo(CaseStatus.OPEN);
    assertThat(c.getOpenedAt()).isEqualTo(MONDAY_10);
    assertThat(c.getProcessInstanceId()).isEqualTo(opened.processInstanceId());
    assertThat(opened.caseNumber()).matches("AS-2026-\\d{6}");
    assertThat(steps.instance(opened.processInstanceId())).hasBusinessKey(opened.caseNumber())
        .isWaitingAt("AcknowledgeCustomer").variables()
        .containsEntry("priority", "normal").containsEntry("contractLevel", "standard")
        .containsEntry("firstResponseMinutes", 480).doesNotContainKey("category");
  }

  @Test
  void descriptionOfFourThousandCharactersOpensACase() {
    ProcessSteps.clockAt(MONDAY_10);
    NewCaseRequest request = new NewCaseRequest(
        new NewCaseRequest.Customer("C-1001", "Acme Film Studio", "Beijing", 1, "standard"),
        new NewCaseRequest.Product("OA-SUITE", "software", "SN-000123", LocalDate.of(2026, 3, 1)),
        "email", "normal", null, false, "x".repeat(4000));

    CaseIntake.OpenedCase opened = intake.open(request, "desk");

    assertThat(cases.findByCaseNumber(opened.caseNumber()).orElseThrow().getDescription()).hasSize(4000);
    assertThat(steps.instance(opened.processInstanceId())).isWaitingAt("AcknowledgeCustomer");
  }

  // --- helpers -----------------------------------------------------------------------------

  /** A consultation case {@code owner} answered and resolved at {@code resolvedAt}: waiting for feedback. */
  private CaseIntake.OpenedCase resolvedConsultation(String owner, Instant resolvedAt) {
    CaseIntake.OpenedCase opened = steps.openAt(MONDAY_10,
        Cases.request("consultation", "normal", "email", "standard", false));
    String pi = opened.processInstanceId();
    steps.complete(owner, pi, "AcknowledgeCustomer", Map.of("acknowledgementMessage", "We are on it"));
    steps.complete(owner, pi, "TriageCase", Map.of());
    steps.complete(owner, pi, "AnswerConsultation", Map.of("answer", "Use the new form version"));
    ProcessSteps.clockAt(resolvedAt);
    steps.complete(owner, pi, "RecordResolution", Map.of("resolutionSummary", "Explained form versions"));
    return opened;
  }

  private CaseSla firstResponse(String caseNumber) {
    return slas.findByCaseNumberAndKind(caseNumber, CaseSla.FIRST_RESPONSE).orElseThrow();
  }

  private List<String> candidateGroups(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()))
        .map(IdentityLink::getGroupId)
        .toList();
  }
}
