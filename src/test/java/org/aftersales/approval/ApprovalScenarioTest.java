package org.aftersales.approval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.aftersales.api.ApiException;
import org.aftersales.servicecase.CaseIntake;
import org.aftersales.servicecase.CaseViews;
import org.aftersales.testsupport.Cases;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.ProcessSteps;
import org.aftersales.testsupport.ProcessScenarioTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Comment;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.spin.plugin.variable.value.JsonValue;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;

/**
 * Every path of {@code approval} with the deployed {@code approval-routing} table. The
 * approver groups hold exactly these test users: leads lead1, lead2 and dir2; managers
 * mgr1..mgr3; directors dir1, dir2. The requester is "req" unless a test says otherwise.
 */
@ProcessScenarioTest
class ApprovalScenarioTest {

  static final Instant MONDAY_10 = ProcessSteps.MONDAY_10_SHANGHAI;

  @Autowired ProcessEngine engine;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ManagementService managementService;
  @Autowired IdentityService identityService;
  @Autowired ApprovalOperations operations;
  @Autowired ApprovalRecordRepository records;
  @Autowired OutboxRepository outbox;
  @Autowired RepositoryService repositoryService;
  @Autowired CaseIntake intake;
  @Autowired CaseViews caseViews;

  private static final java.util.Set<String> USERS = java.util.Set.of("req", "req2", "lead1", "lead2", "mgr1", "mgr2",
      "mgr3", "dir1", "dir2", "reader");

  @BeforeEach
  void init() {
    BpmnAwareTests.init(engine);
    ClockUtil.setCurrentTime(Date.from(MONDAY_10));
    TestUsers.ensure(identityService, "req", "customer-service");
    TestUsers.ensure(identityService, "req2", "customer-service");
    TestUsers.ensure(identityService, "lead1", "approver-lead");
    TestUsers.ensure(identityService, "lead2", "approver-lead");
    TestUsers.ensure(identityService, "mgr1", "approver-manager");
    TestUsers.ensure(identityService, "mgr2", "approver-manager");
    TestUsers.ensure(identityService, "mgr3", "approver-manager");
    TestUsers.ensure(identityService, "dir1", "approver-director");
    TestUsers.ensure(identityService, "dir2", "approver-director", "approver-lead");
    TestUsers.ensure(identityService, "reader", "qa");
  }

  @AfterEach
  void reset() {
    ClockUtil.reset();
    identityService.clearAuthentication();
  }

  // --- helpers ------------------------------------------------------------------------

  ProcessInstance start(String subjectType, Number amount, String requester, String... regionAndDepartment) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", subjectType);
    variables.put("amount", amount);
    variables.put("currency", "CNY");
    variables.put("requester", requester);
    variables.put("region", regionAndDepartment.length > 0 ? regionAndDepartment[0] : "east");
    variables.put("department", regionAndDepartment.length > 1 ? regionAndDepartment[1] : "service");
    variables.put("summary", subjectType + " of " + amount);
    return runtimeService.startProcessInstanceByKey("approval", "AP-" + System.nanoTime(), variables);
  }

  List<Task> approvalTasks(ProcessInstance pi) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ApproveStep")
        .orderByTaskAssignee().asc().list();
  }

  Task taskOf(ProcessInstance pi, String user) {
    return approvalTasks(pi).stream()
        .filter(t -> user.equals(t.getAssignee()) || candidates(t).contains(user))
        .findFirst().orElseThrow(() -> new AssertionError("no approval task for " + user));
  }

  /** Candidates among this class's users: other classes sharing the context add group members of their own. */
  List<String> candidates(Task task) {
    return taskService.getIdentityLinksForTask(task.getId()).stream()
        .filter(l -> IdentityLinkType.CANDIDATE.equals(l.getType()) && l.getUserId() != null)
        .map(l -> l.getUserId()).filter(USERS::contains).sorted().toList();
  }

  /** The user decides as Tasklist would: claim when offered, then complete with the form's fields. */
  void decide(ProcessInstance pi, String user, String decision, String comment) {
    Task task = taskOf(pi, user);
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

  void approve(ProcessInstance pi, String user) {
    decide(pi, user, "approve", null);
  }

  String stepName(ProcessInstance pi) {
    return (String) runtimeService.getVariable(pi.getId(), "stepName");
  }

  String outcome(ProcessInstance pi) {
    return (String) historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("approvalOutcome").singleResult().getValue();
  }

  List<String> actions(ProcessInstance pi) {
    return records.findByProcessInstanceIdOrderById(pi.getId()).stream().map(ApprovalRecord::getAction).toList();
  }

  void moveClock(Duration by) {
    ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(by)));
  }

  void fireTimer(ProcessInstance pi, String activityId) {
    var job = managementService.createJobQuery().processInstanceId(pi.getId()).activityId(activityId)
        .timers().executable().singleResult();
    assertThat(job).as("due timer %s", activityId).isNotNull();
    managementService.executeJob(job.getId());
  }

  // --- sign modes -----------------------------------------------------------------------

  @Test
  void singleStepIsOfferedToTheGroupAndOneMemberDecides() {
    ProcessInstance pi = start("generic", 100, "req");

    assertThat(pi).isWaitingAt("ApproveStep");
    Task task = approvalTasks(pi).get(0);
    assertThat(approvalTasks(pi)).hasSize(1);
    assertThat(task.getAssignee()).isNull();
    assertThat(candidates(task)).containsExactly("dir2", "lead1", "lead2");
    assertThat(task.getName()).isEqualTo("Team lead approval: generic of 100");
    assertThat(task.getDueDate()).isEqualTo(Date.from(MONDAY_10.plus(Duration.ofDays(2))));

    approve(pi, "lead2");

    assertThat(pi).hasPassed("FinishApproved").isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approved");
    JsonValue decisions = (JsonValue) historyService.createHistoricVariableInstanceQuery()
        .processInstanceId(pi.getId()).variableName("approvalDecisions").singleResult().getTypedValue();
    assertThat(decisions.getValueSerialized()).contains("\"approver\":\"lead2\"", "\"decision\":\"approved\"",
        "\"stepName\":\"Team lead approval\"");
    // the form fields stayed on the task: nothing named "decision" on the approval itself
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("decision").list()).isNotEmpty()
        .noneMatch(v -> v.getTaskId() == null && pi.getId().equals(v.getExecutionId()));
  }

  @Test
  void orSignStepIsDecidedByTheFirstManager() {
    ProcessInstance pi = start("refund", 5000, "req");
    approve(pi, "lead1");

    assertThat(stepName(pi)).isEqualTo("Manager approval");
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactly("mgr1", "mgr2", "mgr3");
    approve(pi, "mgr2");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approved", "approved");
    assertThat(records.findByProcessInstanceIdOrderById(pi.getId())).extracting(ApprovalRecord::getActor)
        .containsExactly("req", "lead1", "mgr2");
  }

  @Test
  void orSignRejectionByTheFirstManagerRejectsTheStep() {
    ProcessInstance pi = start("refund", 5000, "req");
    approve(pi, "lead1");
    decide(pi, "mgr3", "reject", "Refund is not justified");

    assertThat(pi).isWaitingAt("ReviseRequest");
    assertThat(approvalTasks(pi)).isEmpty();
  }

  @Test
  void countersignNeedsEveryDirector() {
    ProcessInstance pi = start("refund", 50000, "req");
    approve(pi, "lead1");
    approve(pi, "mgr1");
    assertThat(stepName(pi)).isEqualTo("Directors' countersign");
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactly("dir1", "dir2");

    approve(pi, "dir1");
    assertThat(pi).isWaitingAt("ApproveStep");
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactly("dir2");
    approve(pi, "dir2");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
  }

  @Test
  void countersignRejectedByOneDirectorEndsRejectedAsTheRowSays() {
    ProcessInstance pi = start("refund", 50000, "req");
    approve(pi, "lead1");
    approve(pi, "mgr1");
    decide(pi, "dir2", "reject", "Too much");

    // the directors' row says "end": no revision
    assertThat(pi).hasPassed("FinishRejected").isEnded();
    assertThat(outcome(pi)).isEqualTo("rejected");
  }

  @Test
  void ratioStepIsApprovedWhenTwoThirdsApprove() {
    ProcessInstance pi = start("return-exception", 20000, "req");
    approve(pi, "lead1");
    assertThat(stepName(pi)).isEqualTo("Managers' vote (2/3)");

    approve(pi, "mgr1");
    decide(pi, "mgr2", "reject", "Customer misused it");
    assertThat(pi).isWaitingAt("ApproveStep");
    approve(pi, "mgr3");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
  }

  @Test
  void ratioStepIsRejectedAsSoonAsTwoThirdsAreOutOfReach() {
    ProcessInstance pi = start("return-exception", 20000, "req");
    approve(pi, "lead1");
    decide(pi, "mgr1", "reject", "No");
    assertThat(pi).isWaitingAt("ApproveStep");
    decide(pi, "mgr2", "reject", "No either");

    assertThat(approvalTasks(pi)).isEmpty();
    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("rejected");
  }

  // --- rejection, revision, rounds ------------------------------------------------------------

  @Test
  void rejectingNeedsAComment() {
    ProcessInstance pi = start("generic", 100, "req");
    assertThatThrownBy(() -> decide(pi, "lead1", "reject", " "))
        .hasRootCauseInstanceOf(ApprovalInputException.class).hasMessageContaining("A rejection needs a comment");
    assertThatThrownBy(() -> decide(pi, "lead1", null, null))
        .hasMessageContaining("Choose approve or reject");
    assertThat(pi).isWaitingAt("ApproveStep");
    assertThat(actions(pi)).containsExactly("submitted");
  }

  @Test
  void rejectedRequestIsRevisedAndResubmittedUntilTheRoundLimit() {
    ProcessInstance pi = start("generic", 100, "req"); // generic rows allow 2 resubmissions
    for (int round = 1; round <= 2; round++) {
      decide(pi, "lead1", "reject", "Round " + round + ": add the invoice");
      assertThat(pi).isWaitingAt("ReviseRequest");
      Task revise = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviseRequest")
          .singleResult();
      assertThat(revise.getAssignee()).isEqualTo("req");
      assertThat(runtimeService.getVariable(pi.getId(), "lastRejectionComment"))
          .isEqualTo("Round " + round + ": add the invoice");
      taskService.complete(revise.getId(), Map.of("revision", "resubmit", "amount", 90 - round,
          "summary", "with invoice " + round));
      assertThat(runtimeService.getVariable(pi.getId(), "round")).isEqualTo(round + 1);
      assertThat(pi).isWaitingAt("ApproveStep");
    }
    assertThat(runtimeService.getVariable(pi.getId(), "summary")).isEqualTo("with invoice 2");
    decide(pi, "lead1", "reject", "Round 3: still no");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("rejected");
    assertThat(actions(pi)).containsExactly("submitted", "rejected", "resubmitted", "rejected", "resubmitted",
        "rejected");
  }

  @Test
  void requesterMayGiveUpInsteadOfResubmitting() {
    ProcessInstance pi = start("generic", 100, "req");
    decide(pi, "lead2", "reject", "Not now");
    Task revise = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviseRequest")
        .singleResult();
    taskService.complete(revise.getId(), Map.of("revision", "abandon"));

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("rejected");
    assertThat(actions(pi)).endsWith("abandoned");
  }

  // --- who is asked ---------------------------------------------------------------------------

  @Test
  void requesterIsNeverAskedToApproveTheirOwnRequest() {
    ProcessInstance pi = start("generic", 100, "lead1");
    assertThat(candidates(approvalTasks(pi).get(0))).containsExactly("dir2", "lead2");
  }

  @Test
  void personWhoApprovedAnEarlierStepIsNotAskedAgain() {
    // generic requests of the finance department: team lead, then any director
    ProcessInstance pi = start("generic", 100, "req", "east", "finance");
    approve(pi, "dir2");

    assertThat(stepName(pi)).isEqualTo("Director approval");
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactly("dir1");
  }

  @Test
  void stepWithNobodyLeftToAskIsSkippedAndRecorded() {
    // dir1 asks; dir2 approves as team lead: the directors' step has nobody left
    ProcessInstance pi = start("generic", 100, "dir1", "east", "finance");
    approve(pi, "dir2");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approved", "skipped");
  }

  @Test
  void repairQuoteGoesToTheRequestersManager() {
    identityService.setUserInfo("req2", ApprovalPeople.MANAGER_INFO, "mgr2");
    ProcessInstance pi = start("repair-quote", 800, "req2");
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactly("mgr2");

    ProcessInstance withoutManager = start("repair-quote", 800, "req");
    assertThat(candidates(approvalTasks(withoutManager).get(0))).containsExactly("dir2", "lead1", "lead2");
  }

  // --- time-out policies ------------------------------------------------------------------------

  @Test
  void approversAreRemindedAndTheTaskStays() {
    ProcessInstance pi = start("generic", 100, "req");
    long before = outbox.count();
    moveClock(Duration.ofHours(8));
    fireTimer(pi, "StepReminderDue");

    assertThat(pi).isWaitingAt("ApproveStep");
    assertThat(actions(pi)).containsExactly("submitted", "reminded");
    List<String> reminded = List.of(records.findByProcessInstanceIdOrderById(pi.getId()).get(1).getTarget().split(","));
    assertThat(reminded).filteredOn(USERS::contains).containsExactly("dir2", "lead1", "lead2");
    assertThat(outbox.count()).as("one reminder per candidate").isEqualTo(before + reminded.size());
  }

  @Test
  void timedOutStepEscalatesToTheNextLevel() {
    ProcessInstance pi = start("refund", 5000, "req"); // lead step escalates after 24 hours
    moveClock(Duration.ofHours(24));
    fireTimer(pi, "StepTimedOut");

    assertThat(stepName(pi)).isEqualTo("Manager approval");
    assertThat(actions(pi)).containsExactly("submitted", "escalated");
    assertThat(records.findByProcessInstanceIdOrderById(pi.getId()).get(1).getTarget()).isEqualTo("Manager approval");
  }

  @Test
  void lastStepTimingOutEscalatesToTheEscalationGroup() {
    ProcessInstance pi = start("generic", 100, "req"); // one step; escalates after two days
    moveClock(Duration.ofDays(2));
    fireTimer(pi, "StepTimedOut");

    assertThat(stepName(pi)).isEqualTo("Escalated: Team lead approval");
    assertThat(candidates(approvalTasks(pi).get(0))).containsExactly("dir1", "dir2");
    approve(pi, "dir1");
    assertThat(outcome(pi)).isEqualTo("approved");
  }

  @Test
  void smallRefundIsApprovedAutomaticallyWhenNobodyDecidesInTime() {
    ProcessInstance pi = start("refund", 4999.99, "req");
    moveClock(Duration.ofHours(23));
    assertThat(managementService.createJobQuery().processInstanceId(pi.getId()).activityId("StepTimedOut")
        .executable().count()).isZero();
    moveClock(Duration.ofHours(1));
    fireTimer(pi, "StepTimedOut");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "auto-approved");
  }

  @Test
  void directorsNotDecidingInTimeRejectAutomatically() {
    ProcessInstance pi = start("refund", 50000, "req");
    approve(pi, "lead1");
    approve(pi, "mgr1");
    moveClock(Duration.ofDays(3));
    fireTimer(pi, "StepTimedOut");

    assertThat(pi).isEnded();
    assertThat(outcome(pi)).isEqualTo("rejected");
    assertThat(actions(pi)).endsWith("auto-rejected");
  }

  // --- operations -------------------------------------------------------------------------------

  @Test
  void requesterWithdrawsBeforeTheFinalDecision() {
    ProcessInstance pi = start("refund", 5000, "req");
    approve(pi, "lead1");

    assertThat(status(() -> operations.withdraw(pi.getId(), "mgr1", null))).isEqualTo(HttpStatus.FORBIDDEN);
    ApprovalView view = operations.withdraw(pi.getId(), "req", "Customer cancelled");

    assertThat(view.status()).isEqualTo("withdrawn");
    assertThat(pi).hasPassed("FinishWithdrawn").isEnded();
    assertThat(approvalTasks(pi)).isEmpty();
    assertThat(actions(pi)).containsExactly("submitted", "approved", "withdrawn");
    assertThat(status(() -> operations.withdraw(pi.getId(), "req", null))).isEqualTo(HttpStatus.CONFLICT);
  }

  @Test
  void currentApproverReturnsTheApprovalToThePreviousStep() {
    ProcessInstance pi = start("refund", 5000, "req");
    assertThat(status(() -> operations.returnToPrevious(pi.getId(), "lead1", "back"))).isEqualTo(HttpStatus.CONFLICT);
    approve(pi, "lead1");

    assertThat(status(() -> operations.returnToPrevious(pi.getId(), "lead1", "back")))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(() -> operations.returnToPrevious(pi.getId(), "mgr1", " "))).isEqualTo(HttpStatus.BAD_REQUEST);
    operations.returnToPrevious(pi.getId(), "mgr1", "Check the invoice again");

    assertThat(stepName(pi)).isEqualTo("Team lead approval");
    assertThat(approvalTasks(pi)).hasSize(1);
    approve(pi, "lead2");
    assertThat(stepName(pi)).isEqualTo("Manager approval");
    approve(pi, "mgr1");
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approved", "returned", "approved", "approved");
  }

  @Test
  void currentApproverAddsAnApproverWhoMustAlsoDecide() {
    ProcessInstance pi = start("generic", 100, "req");
    assertThat(status(() -> operations.addApprover(pi.getId(), "mgr1", "dir1", null)))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(() -> operations.addApprover(pi.getId(), "lead1", "nobody-known", null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status(() -> operations.addApprover(pi.getId(), "lead1", "req", null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);

    ApprovalView view = operations.addApprover(pi.getId(), "lead1", "mgr3", "Please check the figures");

    assertThat(view.currentStep().tasks()).hasSize(2);
    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).contains("mgr3");
    approve(pi, "lead1");
    assertThat(pi).isWaitingAt("ApproveStep");
    approve(pi, "mgr3");
    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approver-added", "approved", "approved");
  }

  @Test
  void currentApproverTransfersTheirTask() {
    ProcessInstance pi = start("refund", 5000, "req");
    approve(pi, "lead1");
    assertThat(status(() -> operations.transfer(pi.getId(), "lead2", null, "dir1", null)))
        .isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(() -> operations.transfer(pi.getId(), "mgr1", null, "req", null)))
        .isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(status(() -> operations.transfer(pi.getId(), "mgr1", null, "mgr2", null)))
        .isEqualTo(HttpStatus.CONFLICT);

    operations.transfer(pi.getId(), "mgr1", null, "dir1", "On leave this week");

    assertThat(approvalTasks(pi)).extracting(Task::getAssignee).containsExactlyInAnyOrder("dir1", "mgr2", "mgr3");
    decide(pi, "dir1", "approve", null);
    assertThat(outcome(pi)).isEqualTo("approved");
    ApprovalRecord transfer = records.findByProcessInstanceIdOrderById(pi.getId()).get(2);
    assertThat(transfer.getAction()).isEqualTo("transferred");
    assertThat(transfer.getActor()).isEqualTo("mgr1");
    assertThat(transfer.getTarget()).isEqualTo("dir1");
    assertThat(transfer.getComment()).isEqualTo("On leave this week");
  }

  @Test
  void delegationAndReassignmentAreRecordedButClaimsAreNot() {
    ProcessInstance pi = start("generic", 100, "req");
    Task task = approvalTasks(pi).get(0);
    identityService.setAuthenticatedUserId("lead1");
    taskService.claim(task.getId(), "lead1");
    taskService.delegateTask(task.getId(), "mgr1");
    identityService.setAuthenticatedUserId("mgr1");
    assertThatThrownBy(() -> taskService.complete(task.getId(), Map.of("decision", "approve")))
        .hasMessageContaining("delegated");
    taskService.resolveTask(task.getId());
    identityService.setAuthenticatedUserId("lead1"); // reassigns in Tasklist
    taskService.setAssignee(task.getId(), "lead2");
    identityService.clearAuthentication();
    decide(pi, "lead2", "approve", null);

    assertThat(records.findByProcessInstanceIdOrderById(pi.getId()))
        .extracting(r -> r.getActor() + " " + r.getAction() + " " + r.getTarget())
        .containsExactly("req submitted null", "lead1 delegated mgr1", "mgr1 assigned lead1",
            "lead1 assigned lead2", "lead2 approved null");
  }

  @Test
  void onlyTheAssigneeDecidesAndNobodyDecidesTwice() {
    ProcessInstance pi = start("refund", 50000, "req");
    approve(pi, "lead1");
    approve(pi, "mgr1");
    Task dir2Task = taskOf(pi, "dir2");
    identityService.setAuthenticatedUserId("dir1");
    assertThatThrownBy(() -> taskService.complete(dir2Task.getId(), Map.of("decision", "approve")))
        .isNotNull();
    identityService.clearAuthentication();
    approve(pi, "dir1");

    // dir2 cannot hand the countersign to dir1, who has decided already
    assertThat(status(() -> operations.transfer(pi.getId(), "dir2", null, "dir1", null)))
        .isEqualTo(HttpStatus.CONFLICT);
    // nor does reassigning the task in Tasklist let dir1 decide twice
    identityService.setAuthenticatedUserId("dir2");
    taskService.setAssignee(dir2Task.getId(), "dir1");
    identityService.clearAuthentication();
    assertThatThrownBy(() -> decide(pi, "dir1", "approve", null)).hasMessageContaining("already decided");
    assertThat(pi).isWaitingAt("ApproveStep");
  }

  @Test
  void stepOnlyTheRequesterCouldDecideGoesToTheEscalationGroup() {
    identityService.setUserInfo("req2", ApprovalPeople.MANAGER_INFO, "req2");
    ProcessInstance pi = start("repair-quote", 800, "req2");

    assertThat(candidates(approvalTasks(pi).get(0))).containsExactly("dir1", "dir2");
    assertThat(actions(pi)).containsExactly("submitted");
  }

  @Test
  void returnAfterAnEscalationRunsThePlannedRouteAgain() {
    ProcessInstance pi = start("refund", 5000, "req");
    approve(pi, "lead1");
    moveClock(Duration.ofDays(2));
    fireTimer(pi, "StepTimedOut"); // the manager step was the last: the directors take over
    assertThat(stepName(pi)).isEqualTo("Escalated: Manager approval");

    operations.returnToPrevious(pi.getId(), "dir1", "Lead must check the new invoice");
    assertThat(stepName(pi)).isEqualTo("Team lead approval");
    approve(pi, "lead2");
    assertThat(stepName(pi)).isEqualTo("Manager approval");
    approve(pi, "mgr3");

    assertThat(outcome(pi)).isEqualTo("approved");
    assertThat(actions(pi)).containsExactly("submitted", "approved", "escalated", "returned", "approved",
        "approved");
  }

  @Test
  void copiedUsersMayReadButNotDecide() {
    ProcessInstance pi = start("generic", 100, "req");
    assertThat(status(() -> operations.view(pi.getId(), "reader"))).isEqualTo(HttpStatus.FORBIDDEN);
    assertThat(status(() -> operations.copy(pi.getId(), "reader", List.of("mgr1"), null)))
        .isEqualTo(HttpStatus.FORBIDDEN);

    operations.copy(pi.getId(), "req", List.of("reader"), "FYI");

    ApprovalView view = operations.view(pi.getId(), "reader");
    assertThat(view.copiedTo()).containsExactly("reader");
    assertThat(view.requester()).isEqualTo("req");
    assertThat(view.currentStep().name()).isEqualTo("Team lead approval");
    assertThat(taskService.createTaskQuery().processInstanceId(pi.getId()).taskCandidateUser("reader").count())
        .isZero();
    assertThat(status(() -> operations.transfer(pi.getId(), "reader", null, "mgr1", null)))
        .isEqualTo(HttpStatus.FORBIDDEN);
  }

  @Test
  void requesterUrgesAtMostOncePerInterval() {
    ProcessInstance pi = start("generic", 100, "req");
    assertThat(status(() -> operations.urge(pi.getId(), "lead1", null))).isEqualTo(HttpStatus.FORBIDDEN);

    operations.urge(pi.getId(), "req", "Customer is waiting");
    assertThat(status(() -> operations.urge(pi.getId(), "req", null))).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
    moveClock(Duration.ofMinutes(61));
    operations.urge(pi.getId(), "req", null);

    assertThat(actions(pi)).containsExactly("submitted", "urged", "urged");
  }

  @Test
  void everyRecordIsAlsoACommentOnTheTask() {
    ProcessInstance pi = start("generic", 100, "req");
    operations.urge(pi.getId(), "req", "Customer is waiting");
    Task task = approvalTasks(pi).get(0);

    List<Comment> comments = taskService.getTaskComments(task.getId());
    assertThat(comments).hasSize(1);
    assertThat(comments.get(0).getUserId()).isEqualTo("req");
    assertThat(comments.get(0).getFullMessage()).contains("Urged", "Customer is waiting", "Team lead approval");

    decide(pi, "lead1", "reject", "Missing invoice");
    assertThat(taskService.getTaskComments(task.getId())).extracting(Comment::getFullMessage)
        .anyMatch(m -> m.contains("Rejected") && m.contains("Missing invoice"));
  }

  // --- the Modeler element template -----------------------------------------------------------

  @Test
  void callActivityMadeFromTheElementTemplateGetsTheOutcomeAndTheCaseTimelineShowsTheRecords() throws Exception {
    String caseNumber = intake.open(Cases.standardBug(), "desk").caseNumber();
    repositoryService.createDeployment().addString("approval-caller.bpmn", callerModel()).deploy();

    ProcessInstance caller = runtimeService.startProcessInstanceByKey("approval-caller", caseNumber,
        Map.of("amount", 120, "currency", "CNY", "requester", "req", "department", "service", "region", "east",
            "summary", "Goodwill credit"));
    ProcessInstance approval = runtimeService.createProcessInstanceQuery().superProcessInstanceId(caller.getId())
        .singleResult();
    assertThat(approval.getBusinessKey()).isEqualTo(caseNumber);
    assertThat(runtimeService.getVariable(approval.getId(), "subjectType")).isEqualTo("generic");
    decide(approval, "lead1", "approve", "Fine");

    assertThat(caller).isWaitingAt("AfterApproval");
    assertThat(runtimeService.getVariable(caller.getId(), "approvalOutcome")).isEqualTo("approved");
    assertThat(runtimeService.getVariableTyped(caller.getId(), "approvalDecisions").getValue().toString())
        .contains("\"approver\":\"lead1\"", "\"comment\":\"Fine\"");
    assertThat(caseViews.of(caseNumber).timeline())
        .filteredOn(e -> "approvalRecord".equals(e.type()))
        .extracting(e -> e.activity() + "|" + e.assignee() + "|" + e.comment())
        .containsExactly("Submitted|req|Goodwill credit", "Approved (Team lead approval)|lead1|Fine");
  }

  /** A process with one call activity written the way Modeler applies the element template. */
  private String callerModel() throws Exception {
    JsonNode template = new ObjectMapper().readTree(
        java.nio.file.Files.readString(java.nio.file.Path.of(".camunda/element-templates/request-approval.json")));
    StringBuilder attributes = new StringBuilder();
    StringBuilder mappings = new StringBuilder();
    for (JsonNode property : template.get("properties")) {
      JsonNode binding = property.get("binding");
      String value = property.path("value").asText();
      switch (binding.get("type").asText()) {
        case "property" -> attributes.append(' ').append(binding.get("name").asText()).append("=\"").append(value)
            .append('"');
        case "camunda:in:businessKey" -> mappings.append("<camunda:in businessKey=\"").append(value).append("\"/>");
        case "camunda:in" -> mappings.append("<camunda:in sourceExpression=\"").append(value).append("\" target=\"")
            .append(binding.get("target").asText()).append("\"/>");
        case "camunda:out" -> mappings.append("<camunda:out source=\"").append(binding.get("source").asText())
            .append("\" target=\"").append(value).append("\"/>");
        default -> throw new AssertionError("unexpected binding " + binding);
      }
    }
    return """
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
            xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="CallerDefinitions" targetNamespace="test">
          <bpmn:process id="approval-caller" isExecutable="true" camunda:historyTimeToLive="P1D">
            <bpmn:startEvent id="Start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="Start" targetRef="RequestApproval"/>
            <bpmn:callActivity id="RequestApproval" camunda:modelerTemplate="org.aftersales.request-approval"%s>
              <bpmn:extensionElements>%s</bpmn:extensionElements>
            </bpmn:callActivity>
            <bpmn:sequenceFlow id="f2" sourceRef="RequestApproval" targetRef="AfterApproval"/>
            <bpmn:userTask id="AfterApproval"/>
            <bpmn:sequenceFlow id="f3" sourceRef="AfterApproval" targetRef="End"/>
            <bpmn:endEvent id="End"/>
          </bpmn:process>
        </bpmn:definitions>
        """.formatted(attributes, mappings);
  }

  @Test
  void startWithAnUnknownSubjectTypeIsRefused() {
    assertThatThrownBy(() -> start("holiday", 1, "req")).hasMessageContaining("subjectType 'holiday'");
  }

  static HttpStatus status(Runnable call) {
    try {
      call.run();
    } catch (ApiException e) {
      return e.status();
    }
    return HttpStatus.OK;
  }
}
