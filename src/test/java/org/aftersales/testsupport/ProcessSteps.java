package org.aftersales.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Date;
import java.util.Map;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.NewCaseRequest;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;

/**
 * The steps scenario tests take on the shared Spring context, always by process instance
 * or case number: other test classes leave their own cases, tasks and jobs in the same
 * database. Tasks are worked as a person would (claim, then complete).
 */
public final class ProcessSteps {

  public static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** A Monday, 10:00 in Shanghai: inside business hours with a full working day ahead. */
  public static final Instant MONDAY_10_SHANGHAI = Instant.parse("2026-11-23T02:00:00Z");

  private final RuntimeService runtimeService;
  private final TaskService taskService;
  private final ManagementService managementService;
  private final CaseIntake intake;

  public ProcessSteps(ProcessEngine engine, CaseIntake intake) {
    this.runtimeService = engine.getRuntimeService();
    this.taskService = engine.getTaskService();
    this.managementService = engine.getManagementService();
    this.intake = intake;
  }

  /** Shanghai wall-clock time, as the service desk states its hours. */
  public static Instant shanghai(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  /** Moves the engine clock (timers, SLA records); reset it with {@code ClockUtil.reset()}. */
  public static void clockAt(Instant at) {
    ClockUtil.setCurrentTime(Date.from(at));
  }

  public CaseIntake.OpenedCase openAt(Instant at, NewCaseRequest request) {
    clockAt(at);
    return intake.open(request, "desk");
  }

  public ProcessInstance instance(String processInstanceId) {
    ProcessInstance instance = runtimeService.createProcessInstanceQuery().processInstanceId(processInstanceId)
        .singleResult();
    assertThat(instance).as("running process instance %s", processInstanceId).isNotNull();
    return instance;
  }

  /** The one open task of this instance at this activity. */
  public Task task(String processInstanceId, String taskDefinitionKey) {
    Task task = taskService.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(taskDefinitionKey).singleResult();
    assertThat(task).as("open task %s of %s", taskDefinitionKey, processInstanceId).isNotNull();
    return task;
  }

  public long openTasks(String processInstanceId, String taskDefinitionKey) {
    return taskService.createTaskQuery().processInstanceId(processInstanceId).taskDefinitionKey(taskDefinitionKey)
        .count();
  }

  /** Claims the task for {@code user} and completes it with the form's variables. */
  public void complete(String user, Task task, Map<String, Object> variables) {
    taskService.claim(task.getId(), user);
    taskService.complete(task.getId(), variables);
  }

  public void complete(String user, String processInstanceId, String taskDefinitionKey,
      Map<String, Object> variables) {
    complete(user, task(processInstanceId, taskDefinitionKey), variables);
  }

  /** The job (timer or async continuation) of this instance at this activity. */
  public Job job(String processInstanceId, String activityId) {
    Job job = managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .singleResult();
    assertThat(job).as("job at %s of %s", activityId, processInstanceId).isNotNull();
    return job;
  }

  /** Whether the job at this activity is due on the engine's clock. */
  public boolean isDue(String processInstanceId, String activityId) {
    return managementService.createJobQuery().processInstanceId(processInstanceId).activityId(activityId)
        .executable().count() == 1;
  }

  public void executeJob(String processInstanceId, String activityId) {
    managementService.executeJob(job(processInstanceId, activityId).getId());
  }

  /** The instance a call activity of {@code superProcessInstanceId} started. */
  public ProcessInstance calledInstance(String superProcessInstanceId) {
    ProcessInstance called = runtimeService.createProcessInstanceQuery()
        .superProcessInstanceId(superProcessInstanceId).singleResult();
    assertThat(called).as("instance called by %s", superProcessInstanceId).isNotNull();
    return called;
  }

  /** The embedded R&D desk's running instance for this case and ticket round, or null. */
  public ProcessInstance rndDesk(String caseNumber, int round) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("rnd-desk")
        .processInstanceBusinessKey(caseNumber).variableValueEquals("round", round).singleResult();
  }

  public long runningRndDesks(String caseNumber) {
    return runtimeService.createProcessInstanceQuery().processDefinitionKey("rnd-desk")
        .processInstanceBusinessKey(caseNumber).count();
  }

  public Object variable(String executionId, String name) {
    return runtimeService.getVariable(executionId, name);
  }

  // --- service-request up to the bug escalation ------------------------------------------

  /**
   * Opens a standard bug case on Monday 10:00 Shanghai, {@code owner} acknowledges it and
   * triages it as a bug: returns the bug-escalation instance the call activity started.
   */
  public Escalation escalateBug(String owner) {
    CaseIntake.OpenedCase opened = openAt(MONDAY_10_SHANGHAI, Cases.standardBug());
    complete(owner, opened.processInstanceId(), "AcknowledgeCustomer",
        Map.of("acknowledgementMessage", "We are looking into it"));
    complete(owner, opened.processInstanceId(), "TriageCase", Map.of("category", "bug"));
    return new Escalation(opened.caseNumber(), owner, instance(opened.processInstanceId()),
        calledInstance(opened.processInstanceId()));
  }

  /** Reproduces the bug and executes the asynchronous "Open R&D ticket": returns the ticket key. */
  public String confirmBug(Escalation escalation, String reproductionSteps) {
    complete(escalation.owner(), escalation.bug().getId(), "ReproduceBug",
        Map.of("reproducible", true, "reproductionSteps", reproductionSteps));
    executeJob(escalation.bug().getId(), "OpenRndTicket");
    return (String) variable(escalation.bug().getId(), "ticketKey");
  }

  /** A service-request and the bug-escalation it called; both carry the case number as business key. */
  public record Escalation(String caseNumber, String owner, ProcessInstance serviceRequest, ProcessInstance bug) {
  }
}
