package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.ProcessSteps;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Task names in Tasklist carry the case number and the customer; approval steps a follow-up date. */
@ProcessScenarioTest
class TaskNamesScenarioTest {

  private static final String CUSTOMER = "Acme Film Studio";

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired RepositoryService repositoryService;
  @Autowired IdentityService identityService;
  @Autowired CaseIntake intake;

  private ProcessSteps steps;

  @BeforeEach
  void init() {
    steps = new ProcessSteps(engine, intake);
    TestUsers.ensure(identityService, "names-desk", "customer-service");
    TestUsers.ensure(identityService, "names-lead", "approver-lead");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  @Test
  void newTasksOfACaseShowTheCaseNumberAndTheCustomer() {
    CaseIntake.OpenedCase opened = steps.openAt(ProcessSteps.MONDAY_10_SHANGHAI, Cases.standardBug());

    Task acknowledge = steps.task(opened.processInstanceId(), "AcknowledgeCustomer");
    assertThat(acknowledge.getName())
        .isEqualTo("Acknowledge customer · " + opened.caseNumber() + " · " + CUSTOMER)
        .startsWith("Acknowledge customer");
    // the SLA deadline is the due date, as before
    Date firstResponseDue = (Date) runtimeService.getVariable(opened.processInstanceId(), "firstResponseDue");
    assertThat(acknowledge.getDueDate().getTime()).isEqualTo(firstResponseDue.getTime());

    steps.complete("names-desk", opened.processInstanceId(), "AcknowledgeCustomer",
        Map.of("acknowledgementMessage", "We are on it"));
    assertThat(steps.task(opened.processInstanceId(), "TriageCase").getName())
        .isEqualTo("Triage · " + opened.caseNumber() + " · " + CUSTOMER);
    // history keeps the name the person saw
    assertThat(historyService.createHistoricTaskInstanceQuery().taskId(acknowledge.getId()).singleResult().getName())
        .isEqualTo(acknowledge.getName());
  }

  @Test
  void approvalStepsNameTheCaseOfTheCallingProcessAndFollowUpAtTheReminder() {
    ClockUtil.setCurrentTime(Date.from(ProcessSteps.MONDAY_10_SHANGHAI));
    repositoryService.createDeployment().addString("names-caller.bpmn", CALLER).deploy();
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", "AS-2026-990001");
    variables.put("customerName", "Lumen Print Shop");
    ProcessInstance caller = runtimeService.startProcessInstanceByKey("names-caller", "AS-2026-990001", variables);
    ProcessInstance approval = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .singleResult();
    try {
      assertThat(runtimeService.getVariable(approval.getId(), "caseNumber")).as("not passed to the approval").isNull();

      Task task = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey("ApproveStep")
          .list().get(0);
      assertThat(task.getName()).isEqualTo("Team lead approval: Goodwill credit · AS-2026-990001 · Lumen Print Shop");
      Date remindAt = (Date) runtimeService.getVariable(approval.getId(), "stepRemindAt");
      assertThat(task.getFollowUpDate()).isNotNull();
      assertThat(task.getFollowUpDate().getTime()).isEqualTo(remindAt.getTime()).isLessThan(task.getDueDate().getTime());
    } finally {
      runtimeService.deleteProcessInstance(caller.getId(), "test done");
    }
  }

  @Test
  void aNameIsNotAppendedTwiceAndStaysWithinTheColumn() {
    assertThat(TaskNames.name("Approve", "AS-2026-000001", null)).isEqualTo("Approve · AS-2026-000001");
    assertThat(TaskNames.name("", "AS-2026-000001", "Acme")).isEqualTo("AS-2026-000001 · Acme");
    String long250 = "x".repeat(250);
    assertThat(TaskNames.name(long250, "AS-2026-000001", "Acme")).hasSize(TaskNames.MAX_LENGTH).endsWith("…");
  }

  /** A caller that passes the approval inputs but not the case variables. */
  private static final String CALLER = """
      <?xml version="1.0" encoding="UTF-8"?>
      <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
          xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="NamesCallerDefinitions" targetNamespace="test">
        <bpmn:process id="names-caller" isExecutable="true" camunda:historyTimeToLive="P1D">
          <bpmn:startEvent id="Start"/>
          <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="RequestApproval"/>
          <bpmn:callActivity id="RequestApproval" calledElement="approval" camunda:calledElementBinding="latest">
            <bpmn:extensionElements>
              <camunda:in businessKey="#{execution.processBusinessKey}"/>
              <camunda:in sourceExpression="generic" target="subjectType"/>
              <camunda:in sourceExpression="${100}" target="amount"/>
              <camunda:in sourceExpression="CNY" target="currency"/>
              <camunda:in sourceExpression="names-desk" target="requester"/>
              <camunda:in sourceExpression="service" target="department"/>
              <camunda:in sourceExpression="east" target="region"/>
              <camunda:in sourceExpression="Goodwill credit" target="summary"/>
            </bpmn:extensionElements>
          </bpmn:callActivity>
          <bpmn:sequenceFlow id="f2" sourceRef="RequestApproval" targetRef="End"/>
          <bpmn:endEvent id="End"/>
        </bpmn:process>
      </bpmn:definitions>
      """;
}
