package org.aftersales.approval;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.io.ClassPathResource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** Approvals on PostgreSQL: concurrent decisions, a route changed from Modeler, the API's access rules. */
@PostgresIntegrationTest
class ApprovalIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired IdentityService identityService;
  @Autowired ApprovalRecordRepository records;
  @Autowired PlatformTransactionManager transactionManager;

  Http http;

  @BeforeEach
  void users() {
    http = new Http(port);
    TestUsers.ensure(identityService, "it-req", "customer-service");
    TestUsers.ensure(identityService, "it-other", "customer-service");
    TestUsers.ensure(identityService, "it-lead", "approver-lead");
    TestUsers.ensure(identityService, "it-mgr1", "approver-manager");
    TestUsers.ensure(identityService, "it-mgr2", "approver-manager");
  }

  ProcessInstance start(String subjectType, Number amount) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", subjectType);
    variables.put("amount", amount);
    variables.put("currency", "CNY");
    variables.put("requester", "it-req");
    variables.put("region", "east");
    variables.put("department", "service");
    variables.put("summary", "IT " + subjectType + " " + amount);
    return runtimeService.startProcessInstanceByKey("approval", "IT-" + System.nanoTime(), variables);
  }

  Task taskOf(ProcessInstance pi, String user) {
    return taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ApproveStep").list()
        .stream().filter(t -> user.equals(t.getAssignee())
            || taskService.getIdentityLinksForTask(t.getId()).stream().anyMatch(l -> user.equals(l.getUserId())))
        .findFirst().orElseThrow(() -> new AssertionError("no approval task for " + user));
  }

  void approve(ProcessInstance pi, String user) {
    Task task = taskOf(pi, user);
    if (task.getAssignee() == null) {
      taskService.claim(task.getId(), user);
    }
    taskService.complete(task.getId(), Map.of("decision", "approve"));
  }

  @Test
  void twoManagersApprovingAnOrSignStepAtOnceMakeExactlyOneDecision() throws Exception {
    ProcessInstance pi = start("refund", 5000);
    approve(pi, "it-lead");
    Task first = taskOf(pi, "it-mgr1");
    Task second = taskOf(pi, "it-mgr2");
    TransactionTemplate tx = new TransactionTemplate(transactionManager);
    CountDownLatch firstWritten = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(2);
    try {
      // The first completion is written but not committed while the second one runs.
      Future<?> a = pool.submit(() -> tx.executeWithoutResult(status -> {
        taskService.complete(first.getId(), Map.of("decision", "approve"));
        firstWritten.countDown();
        sleep(1500);
      }));
      assertThat(firstWritten.await(30, TimeUnit.SECONDS)).isTrue();
      Future<?> b = pool.submit(() -> tx.executeWithoutResult(status ->
          taskService.complete(second.getId(), Map.of("decision", "approve"))));

      a.get(60, TimeUnit.SECONDS); // the first decision commits
      Throwable conflict = null;
      try {
        b.get(60, TimeUnit.SECONDS);
      } catch (ExecutionException e) {
        conflict = e.getCause();
      }
      // the second read the step before the first committed: its write conflicts and it is rolled back
      assertThat(conflict).as("the concurrent second decision").isInstanceOf(OptimisticLockingException.class);
    } finally {
      pool.shutdownNow();
    }

    List<ApprovalRecord> managerDecisions = records.findByProcessInstanceIdOrderById(pi.getId()).stream()
        .filter(r -> Integer.valueOf(1).equals(r.getStepIndex())).toList();
    assertThat(managerDecisions).hasSize(1);
    assertThat(managerDecisions.get(0).getActor()).isEqualTo("it-mgr1");
    assertThat(historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).singleResult()
        .getState()).isEqualTo("COMPLETED");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("approvalOutcome").singleResult().getValue()).isEqualTo("approved");
    assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
        .variableName("stepApprovals").singleResult().getValue()).isEqualTo(1);
  }

  @Test
  void routeChangedInModelerAndDeployedThroughEngineRestTakesEffectOnTheNextApproval() throws IOException {
    String original = resource("processes/approval-routing.dmn");
    String raised = original.replace("&lt; 5000", "&lt; 8000").replace("&gt;= 5000", "&gt;= 8000");
    assertThat(raised).isNotEqualTo(original);
    try {
      assertThat(deploy(raised).statusCode()).isEqualTo(200);
      ProcessInstance pi = start("refund", 6000);
      assertThat(runtimeService.getVariable(pi.getId(), "stepName")).isEqualTo("Team lead approval");
      approve(pi, "it-lead");
      // 6,000 is below the new 8,000 threshold: no manager step any more
      assertThat(historyService.createHistoricVariableInstanceQuery().processInstanceId(pi.getId())
          .variableName("approvalOutcome").singleResult().getValue()).isEqualTo("approved");
    } finally {
      assertThat(deploy(original).statusCode()).isEqualTo(200);
    }
    ProcessInstance after = start("refund", 6000);
    approve(after, "it-lead");
    assertThat(runtimeService.getVariable(after.getId(), "stepName")).isEqualTo("Manager approval");
  }

  @Test
  void approvalTasksTakeOnlyTheirFormFieldsThroughEngineRest() throws Exception {
    ProcessInstance pi = start("refund", 50000);
    Task lead = taskOf(pi, "it-lead");
    taskService.claim(lead.getId(), "it-lead");
    String path = "/engine-rest/task/" + lead.getId();

    var injected = http.postJson(path + "/complete", "{\"variables\":{\"decision\":{\"value\":\"approve\"},"
        + "\"stepOutcome\":{\"value\":\"approved\"}}}", "it-lead", TestUsers.PASSWORD);
    assertThat(injected.statusCode()).as(injected.body()).isEqualTo(400);
    assertThat(injected.body()).contains("variables.stepOutcome");
    var setVariable = http.putJson(path + "/variables/requester", "{\"value\":\"it-lead\"}", "it-lead",
        TestUsers.PASSWORD);
    assertThat(setVariable.statusCode()).isEqualTo(403);

    // Tasklist sends the read-only fields back: they are dropped, the decision is taken
    var submitted = http.postJson(path + "/submit-form", "{\"variables\":{\"decision\":{\"value\":\"reject\"},"
        + "\"comment\":{\"value\":\"No invoice\"},\"summary\":{\"value\":\"changed\"},"
        + "\"requester\":{\"value\":\"it-lead\"}}}", "it-lead", TestUsers.PASSWORD);
    assertThat(submitted.statusCode()).as(submitted.body()).isEqualTo(204);
    assertThat(runtimeService.getVariable(pi.getId(), "summary")).isEqualTo("IT refund 50000");
    assertThat(runtimeService.getVariable(pi.getId(), "requester")).isEqualTo("it-req");
    assertThat(records.findByProcessInstanceIdOrderById(pi.getId())).filteredOn(r -> "rejected".equals(r.getAction()))
        .extracting(ApprovalRecord::getComment).containsExactly("No invoice");

    Task revise = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("ReviseRequest")
        .singleResult();
    var roundReset = http.postJson("/engine-rest/task/" + revise.getId() + "/complete",
        "{\"variables\":{\"revision\":{\"value\":\"resubmit\"},\"round\":{\"value\":0}}}", "it-req",
        TestUsers.PASSWORD);
    assertThat(roundReset.statusCode()).isEqualTo(400);
  }

  /** Issue 14, point 6: the contract's {@code approved} and {@code comment} decide a step beside the form's decision. */
  @Test
  void anApprovalStepIsDecidedWithApprovedAndCommentAsTheContractSays() throws Exception {
    ProcessInstance pi = start("refund", 50000);
    Task lead = taskOf(pi, "it-lead");
    taskService.claim(lead.getId(), "it-lead");
    var rejected = http.postJson("/engine-rest/task/" + lead.getId() + "/complete",
        "{\"variables\":{\"approved\":{\"value\":false,\"type\":\"Boolean\"},"
            + "\"comment\":{\"value\":\"Over budget\",\"type\":\"String\"}}}", "it-lead", TestUsers.PASSWORD);
    assertThat(rejected.statusCode()).as(rejected.body()).isEqualTo(204);
    assertThat(records.findByProcessInstanceIdOrderById(pi.getId())).filteredOn(r -> "rejected".equals(r.getAction()))
        .extracting(ApprovalRecord::getComment).containsExactly("Over budget");
  }

  @Test
  void operationsByTheWrongUserAreRefusedWith403() {
    ProcessInstance pi = start("generic", 100);
    String base = "/api/approvals/" + pi.getId();

    var strangerReads = http.get(base, "it-other", TestUsers.PASSWORD);
    assertThat(strangerReads.statusCode()).isEqualTo(403);
    var otherWithdraws = http.postJson(base + "/withdraw", "{}", "it-other", TestUsers.PASSWORD);
    assertThat(otherWithdraws.statusCode()).as(otherWithdraws.body()).isEqualTo(403);
    var requesterTransfers = http.postJson(base + "/transfer", "{\"to\":\"it-mgr1\"}", "it-req", TestUsers.PASSWORD);
    assertThat(requesterTransfers.statusCode()).isEqualTo(403);
    var leadToNobody = http.postJson(base + "/transfer", "{\"to\":\"no-such-user\"}", "it-lead",
        TestUsers.PASSWORD);
    assertThat(leadToNobody.statusCode()).isEqualTo(400);
    assertThat(leadToNobody.body()).contains("\"field\":\"to\"");

    var urged = http.postJson(base + "/urge", "{\"comment\":\"please\"}", "it-req", TestUsers.PASSWORD);
    assertThat(urged.statusCode()).as(urged.body()).isEqualTo(200);
    assertThat(http.postJson(base + "/urge", "{}", "it-req", TestUsers.PASSWORD).statusCode()).isEqualTo(429);

    var read = http.get(base, "it-req", TestUsers.PASSWORD);
    assertThat(read.statusCode()).isEqualTo(200);
    assertThat(read.body()).contains("\"status\":\"running\"", "\"action\":\"submitted\"", "\"action\":\"urged\"",
        "\"name\":\"Team lead approval\"");

    var withdrawn = http.postJson(base + "/withdraw", "{\"comment\":\"not needed\"}", "it-req", TestUsers.PASSWORD);
    assertThat(withdrawn.statusCode()).as(withdrawn.body()).isEqualTo(200);
    assertThat(withdrawn.body()).contains("\"status\":\"withdrawn\"");
    assertThat(http.postJson(base + "/withdraw", "{}", "it-req", TestUsers.PASSWORD).statusCode()).isEqualTo(409);
    assertThat(http.get("/api/approvals/no-such-instance", "it-req", TestUsers.PASSWORD).statusCode())
        .isEqualTo(404);
  }

  private java.net.http.HttpResponse<String> deploy(String dmn) {
    return http.postMultipart("/engine-rest/deployment/create",
        Map.of("deployment-name", "approval-routing-change", "deployment-source", "Camunda Modeler"),
        Map.of("approval-routing.dmn", dmn.getBytes(StandardCharsets.UTF_8)), TestUsers.ADMIN,
        TestUsers.ADMIN_PASSWORD);
  }

  private static String resource(String path) throws IOException {
    try (InputStream in = new ClassPathResource(path).getInputStream()) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
