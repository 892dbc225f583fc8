package org.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.aftersales.integration.finance.FinanceEvent;
import org.aftersales.integration.finance.FinanceEvents;
import org.aftersales.integration.finance.FinancePort;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Incident;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * "Post to finance" against an HTTP finance system on PostgreSQL, with the job executor running:
 * a node that dies after finance took the posting but before the job committed, and a finance
 * outage that outlasts the job's retries. Each ends with exactly one posting at finance and one
 * {@code finance_posting} row.
 *
 * <p>Its own context (HTTP finance adapter, a finance port that can "die" after the call, a
 * one-second retry cycle): its own engine name and database, as {@code PortFaultsIT} has.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@Import(RefundPostingIT.DyingNode.class)
class RefundPostingIT {

  private static final StubFinanceServer FINANCE = StubFinanceServer.start();
  /** Idempotency key of the posting after whose successful call the job's transaction fails once. */
  private static final AtomicReference<String> DIE_AFTER_POSTING = new AtomicReference<>();
  private static final AtomicInteger NEXT_CASE = new AtomicInteger((int) (System.currentTimeMillis() % 500_000));

  @Autowired IdentityService identityService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired ManagementService managementService;
  @Autowired HistoryService historyService;
  @Autowired FinanceEvents financeEvents;
  @Autowired JdbcTemplate jdbc;

  @DynamicPropertySource
  static void httpFinance(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> "refunds");
    registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.createDatabase("refunds"));
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
    registry.add("aftersales.integration.finance.adapter", () -> "http");
    registry.add("aftersales.integration.finance.base-url", FINANCE::baseUrl);
    registry.add("aftersales.refund.post-retry-cycle", () -> "R3/PT1S");
  }

  /** Wraps the finance port: after finance took one chosen posting, the job fails, as if the node died right then. */
  @TestConfiguration
  static class DyingNode {

    @Bean
    static BeanPostProcessor dieAfterPosting() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (!(bean instanceof FinancePort port)) {
            return bean;
          }
          return Proxy.newProxyInstance(FinancePort.class.getClassLoader(), new Class<?>[] {FinancePort.class},
              (proxy, method, args) -> {
                Object result;
                try {
                  result = method.invoke(port, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
                String key = DIE_AFTER_POSTING.get();
                if (method.getName().equals("post") && key != null && key.equals(args[1])
                    && DIE_AFTER_POSTING.compareAndSet(key, null)) {
                  throw new IllegalStateException("node died after finance took " + key);
                }
                return result;
              });
        }
      };
    }
  }

  @BeforeAll
  void setUp() {
    TestUsers.ensure(identityService, "refund-eng", "after-sales");
    TestUsers.ensure(identityService, "refund-lead", "approver-lead");
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("refunds");
  }

  @AfterAll
  void stopStub() {
    FINANCE.close();
  }

  @Test
  void aNodeDyingAfterFinanceTookThePostingLeavesOnePosting() {
    String caseNumber = newCaseNumber();
    String key = "finance:" + caseNumber + ":A1";
    DIE_AFTER_POSTING.set(key);

    ProcessInstance pi = approvedRefund(caseNumber);

    awaitWaitingForSettlement(pi);
    assertThat(DIE_AFTER_POSTING.get()).as("the node died once").isNull();
    // finance had the posting from the first attempt; the retry carried the same key
    assertThat(FINANCE.requests(key)).containsExactly("POST /finance/postings key=" + key,
        "POST /finance/postings key=" + key);
    assertThat(FINANCE.postings().get(key)).contains("FIN-" + caseNumber.substring(3) + "-A1", "909.3");
    assertThat(count("select count(*) from finance_posting where case_number = ?", caseNumber)).isEqualTo(1);
    assertThat(count("select count(*) from refund_adjustment where case_number = ? and status = 'posted'",
        caseNumber)).isEqualTo(1);
    assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();
  }

  @Test
  void aFinanceOutageBecomesAnIncidentAndRetryingItAfterwardsPostsOnce() {
    String caseNumber = newCaseNumber();
    String key = "finance:" + caseNumber + ":A1";
    FINANCE.down(true);
    try {
      ProcessInstance pi = approvedRefund(caseNumber);

      Await.until("an incident on Post to finance of " + caseNumber, Duration.ofSeconds(20), () ->
          runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count() == 1);
      Incident incident = runtimeService.createIncidentQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(incident.getActivityId()).isEqualTo("PostToFinance");
      assertThat(incident.getIncidentType()).isEqualTo(Incident.FAILED_JOB_HANDLER_TYPE);
      assertThat(incident.getIncidentMessage()).contains("503");
      Job job = managementService.createJobQuery().processInstanceId(pi.getId()).singleResult();
      assertThat(job.getRetries()).isZero();
      assertThat(FINANCE.requests(key)).as("R3: three attempts").hasSize(3);
      assertThat(FINANCE.postings()).doesNotContainKey(key);
      assertThat(count("select count(*) from finance_posting where case_number = ?", caseNumber))
          .as("each failed attempt rolled its record back").isZero();

      // finance is back; an operator retries the incident in Cockpit
      FINANCE.down(false);
      managementService.setJobRetries(job.getId(), 1);

      awaitWaitingForSettlement(pi);
      assertThat(FINANCE.requests(key)).hasSize(4);
      assertThat(FINANCE.postings()).containsKey(key);
      assertThat(count("select count(*) from finance_posting where case_number = ?", caseNumber)).isEqualTo(1);
      assertThat(runtimeService.createIncidentQuery().processInstanceId(pi.getId()).count()).isZero();

      // finance settles: the customer is told and the adjustment ends
      String reference = (String) runtimeService.getVariable(pi.getId(), "postingReference");
      financeEvents.apply(new FinanceEvent(reference, "settled", "bank-" + caseNumber, null, null));
      Await.until("refund-adjustment of " + caseNumber + " ended", Duration.ofSeconds(10), () ->
          historyService.createHistoricProcessInstanceQuery().processInstanceId(pi.getId()).finished().count() == 1);
      assertThat(FINANCE.requests(key)).as("nothing posted again").hasSize(4);
    } finally {
      FINANCE.down(false);
    }
  }

  /** A partial refund (1299.00, used, customer: 909.30 CNY) prepared and approved; "Post to finance" is a job. */
  private ProcessInstance approvedRefund(String caseNumber) {
    Map<String, Object> variables = new HashMap<>();
    variables.put("caseNumber", caseNumber);
    variables.put("customerId", "C-4001");
    variables.put("customerName", "Delta Print");
    variables.put("customerCity", "Beijing");
    variables.put("productSku", "PRN-2");
    variables.put("serialNumber", "SN-42");
    ProcessInstance pi = runtimeService.startProcessInstanceByKey("refund-adjustment", caseNumber, variables);
    Task prepare = taskService.createTaskQuery().processInstanceId(pi.getId()).taskDefinitionKey("PrepareAdjustment")
        .singleResult();
    taskService.claim(prepare.getId(), "refund-eng");
    taskService.complete(prepare.getId(), Map.of("adjustmentType", "partial-refund", "originalPrice", "1299.00",
        "currency", "CNY", "unitCondition", "used", "responsibility", "customer", "adjustmentReason", "Used unit"));

    ProcessInstance approval = runtimeService.createProcessInstanceQuery().superProcessInstanceId(pi.getId())
        .singleResult();
    Task step = taskService.createTaskQuery().processInstanceId(approval.getId()).singleResult();
    identityService.setAuthenticatedUserId("refund-lead");
    try {
      if (step.getAssignee() == null) {
        taskService.claim(step.getId(), "refund-lead");
      }
      taskService.complete(step.getId(), Map.of("decision", "approve"));
    } finally {
      identityService.clearAuthentication();
    }
    return pi;
  }

  private void awaitWaitingForSettlement(ProcessInstance pi) {
    Await.until("refund-adjustment " + pi.getBusinessKey() + " waiting for the settlement", Duration.ofSeconds(20),
        () -> runtimeService.createExecutionQuery().processInstanceId(pi.getId()).activityId("AwaitPaymentSettled")
            .count() == 1);
  }

  private long count(String sql, String argument) {
    return jdbc.queryForObject(sql, Long.class, argument);
  }

  /** A case number no other test uses (year 2097: no real case has it). */
  private static String newCaseNumber() {
    return String.format("AS-2097-%06d", NEXT_CASE.incrementAndGet());
  }

  /**
   * A finance system on loopback that books one posting per idempotency key (201, then 200 for
   * the same key again), as a well-behaved receiver does; while {@link #down} it answers 503.
   */
  static final class StubFinanceServer implements AutoCloseable {

    private final HttpServer server;
    private final AtomicBoolean down = new AtomicBoolean();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, String> postings = new ConcurrentHashMap<>();

    private StubFinanceServer() throws IOException {
      server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      server.createContext("/finance/postings", this::handle);
      server.start();
    }

    static StubFinanceServer start() {
      try {
        return new StubFinanceServer();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    String baseUrl() {
      return "http://127.0.0.1:" + server.getAddress().getPort() + "/finance";
    }

    void down(boolean isDown) {
      down.set(isDown);
    }

    private void handle(HttpExchange exchange) throws IOException {
      String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
      String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " key=" + key);
      int status;
      if (down.get()) {
        status = 503;
      } else if (key == null) {
        status = 400;
      } else {
        status = postings.putIfAbsent(key, body) == null ? 201 : 200;
      }
      exchange.sendResponseHeaders(status, -1);
      exchange.close();
    }

    List<String> requests(String idempotencyKey) {
      return requests.stream().filter(r -> r.endsWith(" key=" + idempotencyKey)).toList();
    }

    /** Postings booked, by idempotency key, with the JSON they were booked from. */
    Map<String, String> postings() {
      return postings;
    }

    @Override
    public void close() {
      server.stop(0);
    }
  }
}
