package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.time.Instant;
import org.aftersales.integration.notification.NotificationLogRepository;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

@ProcessScenarioTest
class ServiceRequestScenarioTest {

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired CaseIntake intake;
  @Autowired CaseFeedback feedback;
  @Autowired ServiceCaseRepository cases;
  @Autowired CaseSlaRepository slas;
  @Autowired OutboxDispatcher outbox;
  @Autowired NotificationLogRepository notifications;

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
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
    assertThat(pi).isWaitingAt("RecordResolution");
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
        .extracting(n -> n.getKind()).containsExactly("acknowledgement", "survey");
  }
}
