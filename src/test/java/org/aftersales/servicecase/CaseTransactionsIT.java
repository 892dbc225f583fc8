package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.aftersales.bugloop.BugTicket;
import org.aftersales.bugloop.BugTicketRepository;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;

/** Case numbers under concurrent creation and idempotent R&D callbacks, on PostgreSQL. */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CaseTransactionsIT {

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired ServiceCaseRepository cases;
  @Autowired BugTicketRepository tickets;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String desk;
  String rnd;

  @BeforeAll
  void users() {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "tx-desk", "customer-service");
    rnd = TestUsers.ensure(identityService, "tx-rnd", "rnd");
  }

  @Test
  void eightConcurrentCreatorsGetDistinctCaseNumbers() throws Exception {
    int creators = 8;
    ExecutorService pool = Executors.newFixedThreadPool(creators);
    CountDownLatch start = new CountDownLatch(1);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < creators; i++) {
        Callable<HttpResponse<String>> create = () -> {
          start.await();
          return http.postJson("/api/cases", Cases.exampleJson(), desk, TestUsers.PASSWORD);
        };
        answers.add(pool.submit(create));
      }
      start.countDown();
      List<String> numbers = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(201);
        numbers.add(json.readTree(response.body()).get("caseNumber").asText());
      }
      assertThat(new HashSet<>(numbers)).hasSize(creators);
      for (String number : numbers) {
        ServiceCase row = cases.findByCaseNumber(number).orElseThrow();
        assertThat(runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(number)
            .processDefinitionKey("service-request").count()).isEqualTo(1);
        assertThat(row.getProcessInstanceId()).isNotNull();
      }
    } finally {
      pool.shutdownNow();
    }
  }

  @Test
  void aDuplicatedRndCallbackChangesNothing() throws Exception {
    String caseNumber = json.readTree(http.postJson("/api/cases", Cases.exampleJson(), desk, TestUsers.PASSWORD)
        .body()).get("caseNumber").asText();
    complete(caseNumber, "AcknowledgeCustomer", "acknowledgementMessage", "We are on it");
    complete(caseNumber, "TriageCase", "category", "bug");
    Task reproduce = waitForTask(caseNumber, "ReproduceBug");
    taskService.claim(reproduce.getId(), desk);
    taskService.complete(reproduce.getId(), java.util.Map.of("reproducible", true,
        "reproductionSteps", "Change the form, start an approval"));
    // the job executor opens the ticket; the outbox hands it to the embedded R&D desk
    waitForTask(caseNumber, "WorkTicket");
    BugTicket ticket = tickets.findByCaseNumberOrderById(caseNumber).get(0);

    String event = "{\"ticketKey\":\"" + ticket.getTicketKey() + "\",\"status\":\"resolved\","
        + "\"eventId\":\"rnd-evt-" + caseNumber + "\",\"fixVersion\":\"7.3.1\"}";
    HttpResponse<String> first = http.postJson("/api/events/rnd", event, rnd, TestUsers.PASSWORD);
    assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
    assertThat(json.readTree(first.body()).get("outcome").asText()).isEqualTo("applied");
    String rowBefore = ticketRow(ticket.getTicketKey());

    HttpResponse<String> again = http.postJson("/api/events/rnd", event, rnd, TestUsers.PASSWORD);
    String withoutEventId = "{\"ticketKey\":\"" + ticket.getTicketKey() + "\",\"status\":\"resolved\"}";
    HttpResponse<String> sameAnswer = http.postJson("/api/events/rnd", withoutEventId, rnd, TestUsers.PASSWORD);

    assertThat(again.statusCode()).isEqualTo(200);
    assertThat(json.readTree(again.body()).get("outcome").asText()).isEqualTo("duplicate");
    assertThat(sameAnswer.statusCode()).isEqualTo(200);
    assertThat(json.readTree(sameAnswer.body()).get("outcome").asText()).isEqualTo("duplicate");
    assertThat(ticketRow(ticket.getTicketKey())).isEqualTo(rowBefore);
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey("RetestFix")
        .count()).isEqualTo(1);
    assertThat(historyService.createHistoricActivityInstanceQuery().activityId("TicketResolved")
        .processInstanceId(bugEscalationOf(caseNumber)).count()).isEqualTo(1);
    assertThat(jdbc.queryForObject("select count(*) from inbound_event where reference = ?", Long.class,
        ticket.getTicketKey())).isEqualTo(1);

    // an answer the case is not waiting for
    HttpResponse<String> rejected = http.postJson("/api/events/rnd",
        "{\"ticketKey\":\"" + ticket.getTicketKey() + "\",\"status\":\"rejected\"}", rnd, TestUsers.PASSWORD);
    assertThat(rejected.statusCode()).isEqualTo(409);
    assertThat(ticketRow(ticket.getTicketKey())).isEqualTo(rowBefore);
  }

  private String bugEscalationOf(String caseNumber) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber)
        .processDefinitionKey("bug-escalation").singleResult().getId();
  }

  private String ticketRow(String ticketKey) {
    return jdbc.queryForMap("select status, round, rnd_answered_at, fix_version, version from bug_ticket"
        + " where ticket_key = ?", ticketKey).toString();
  }

  private void complete(String caseNumber, String taskKey, String variable, Object value) {
    Task task = waitForTask(caseNumber, taskKey);
    taskService.claim(task.getId(), desk);
    taskService.complete(task.getId(), java.util.Map.of(variable, value));
  }

  private Task waitForTask(String caseNumber, String taskKey) {
    Await.until(taskKey + " of " + caseNumber, Duration.ofSeconds(30), () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count() == 1);
    return taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
        .singleResult();
  }
}
