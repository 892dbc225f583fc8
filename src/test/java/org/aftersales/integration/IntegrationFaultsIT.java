package org.aftersales.integration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.argThat;
import static org.mockito.Mockito.doThrow;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.aftersales.bugloop.BugTicketRepository;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.integration.rnd.RndTickets;
import org.aftersales.servicecase.SetFirstResponseDeadline;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.StubRndServer;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.bean.override.mockito.MockitoSpyBean;

/**
 * What happens when things fail, on PostgreSQL: a failure inside the process start leaves
 * no case behind; an R&D system that fails twice gets the ticket on the third try, once.
 *
 * <p>This class needs its own context (HTTP R&D adapter, a spied delegate). Its engine gets
 * its own name: engines register in a JVM-wide registry by name, and the shared context's
 * {@code /engine-rest} would otherwise be served by this engine. Its webapps are off: they
 * keep JVM-wide delegates that would point at this context after it is closed with the class.
 * Its database is its own, so the shared context's outbox poller never sends its messages.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class IntegrationFaultsIT {

  private static final String BROKEN_CUSTOMER = "C-BROKEN";
  private static final StubRndServer RND = startStub();

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired OutboxRepository outbox;
  @Autowired BugTicketRepository tickets;
  @Autowired JdbcTemplate jdbc;
  @MockitoSpyBean SetFirstResponseDeadline setFirstResponseDeadline;

  Http http;
  String desk;

  @DynamicPropertySource
  static void httpRnd(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> "faults");
    // Its own database: the shared context's outbox poller must not deliver this context's messages.
    registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.createDatabase("faults"));
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
    registry.add("aftersales.integration.rnd.adapter", () -> "http");
    registry.add("aftersales.integration.rnd.base-url", RND::baseUrl);
    registry.add("aftersales.outbox.initial-backoff", () -> "PT0.2S");
    registry.add("aftersales.outbox.poll-interval", () -> "PT0.2S");
  }

  @BeforeAll
  void users() {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "faults-desk", "customer-service");
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("faults");
  }

  @AfterAll
  void stopStub() {
    RND.close();
  }

  @Test
  void aFailureInsideTheProcessStartLeavesNoCase() throws Exception {
    doThrow(new IllegalStateException("clock service unavailable")).when(setFirstResponseDeadline)
        .execute(argThat((DelegateExecution execution) -> BROKEN_CUSTOMER.equals(execution.getVariable("customerId"))));
    long casesBefore = count("select count(*) from service_case");
    long processesBefore = historyService.createHistoricProcessInstanceQuery().processDefinitionKey("service-request")
        .count();

    String broken = Cases.exampleJson().replace("\"C-1001\"", "\"" + BROKEN_CUSTOMER + "\"");
    HttpResponse<String> answer = http.postJson("/api/cases", broken, desk, TestUsers.PASSWORD);

    assertThat(answer.statusCode()).isEqualTo(500);
    assertThat(answer.body()).doesNotContain("clock service unavailable").contains("reference");
    assertThat(count("select count(*) from service_case")).isEqualTo(casesBefore);
    assertThat(count("select count(*) from service_case where customer_id = '" + BROKEN_CUSTOMER + "'")).isZero();
    assertThat(count("select count(*) from case_sla")).isEqualTo(count("select count(*) from service_case"));
    assertThat(historyService.createHistoricProcessInstanceQuery().processDefinitionKey("service-request").count())
        .isEqualTo(processesBefore);

    // the same request for a healthy customer goes through
    assertThat(http.postJson("/api/cases", Cases.exampleJson(), desk, TestUsers.PASSWORD).statusCode()).isEqualTo(201);
  }

  @Test
  void anRndSystemFailingTwiceGetsExactlyOneTicket() throws Exception {
    String caseNumber = json.readTree(http.postJson("/api/cases", Cases.exampleJson(), desk, TestUsers.PASSWORD)
        .body()).get("caseNumber").asText();
    complete(caseNumber, "AcknowledgeCustomer", Map.of("acknowledgementMessage", "On it"));
    complete(caseNumber, "TriageCase", Map.of("category", "bug"));
    complete(caseNumber, "ReproduceBug", Map.of("reproducible", true, "reproductionSteps", "Edit form, approve"));

    Await.until("the ticket request delivered", Duration.ofSeconds(30), () -> outbox
        .findByCaseNumberOrderById(caseNumber).stream()
        .anyMatch(m -> m.getType().equals(RndTickets.TYPE) && m.getStatus() == OutboxMessage.Status.SENT));

    String ticketKey = tickets.findByCaseNumberOrderById(caseNumber).get(0).getTicketKey();
    OutboxMessage sent = outbox.findByCaseNumberOrderById(caseNumber).stream()
        .filter(m -> m.getType().equals(RndTickets.TYPE)).findFirst().orElseThrow();
    assertThat(sent.getAttempts()).isEqualTo(3);
    assertThat(RND.requests()).containsExactly(
        "POST /rnd/tickets key=" + sent.getIdempotencyKey(),
        "POST /rnd/tickets key=" + sent.getIdempotencyKey(),
        "POST /rnd/tickets key=" + sent.getIdempotencyKey());
    assertThat(RND.tickets()).hasSize(1);
    assertThat(RND.tickets().get(sent.getIdempotencyKey())).contains(ticketKey).contains(caseNumber);
    // still waiting for R&D's answer, which comes back on /api/events/rnd
    assertThat(taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).count()).isZero();
  }

  private void complete(String caseNumber, String taskKey, Map<String, Object> variables) {
    Await.until(taskKey + " of " + caseNumber, Duration.ofSeconds(30), () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey).count() == 1);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskDefinitionKey(taskKey)
        .singleResult();
    taskService.claim(task.getId(), desk);
    taskService.complete(task.getId(), variables);
  }

  private long count(String sql) {
    return jdbc.queryForObject(sql, Long.class);
  }

  private static StubRndServer startStub() {
    try {
      return new StubRndServer(2);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
