package org.aftersales.integration.logistics;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.math.BigDecimal;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostings;
import org.aftersales.integration.finance.PostingRequest;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.StubLogisticsServer;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The logistics and finance ports when things fail, on PostgreSQL: a logistics system that
 * is down, a node that dies after the shipment went out but before it recorded that, and
 * the same settlement arriving twice at once. Each ends with exactly one effect.
 *
 * <p>Its own context (HTTP logistics adapter, a failing outbox repository): its own engine
 * name, database and no webapps, for the reasons {@code IntegrationFaultsIT} gives.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
@Import(PortFaultsIT.DyingNode.class)
class PortFaultsIT {

  private static final StubLogisticsServer LOGISTICS = startStub();
  /** Idempotency key of the outbox message whose delivery is not recorded once: the node "dies". */
  private static final AtomicReference<String> DIE_AFTER_DELIVERING = new AtomicReference<>();

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired RepositoryService repositoryService;
  @Autowired RuntimeService runtimeService;
  @Autowired TaskService taskService;
  @Autowired HistoryService historyService;
  @Autowired OutboxRepository outbox;
  @Autowired Shipments shipments;
  @Autowired FinancePostings postings;
  @Autowired JdbcTemplate jdbc;

  Http http;
  String finance;
  String logistics;
  WaitingCases cases;

  @DynamicPropertySource
  static void httpLogistics(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> "ports");
    registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.createDatabase("ports"));
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
    registry.add("aftersales.integration.logistics.adapter", () -> "http");
    registry.add("aftersales.integration.logistics.base-url", LOGISTICS::baseUrl);
    registry.add("aftersales.outbox.initial-backoff", () -> "PT0.2S");
    registry.add("aftersales.outbox.poll-interval", () -> "PT0.2S");
  }

  /** Wraps the outbox repository: recording one chosen message as sent fails, as if the node died right then. */
  @TestConfiguration
  static class DyingNode {

    @Bean
    static BeanPostProcessor dieAfterDelivering() {
      return new BeanPostProcessor() {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
          if (!(bean instanceof OutboxRepository repository)) {
            return bean;
          }
          return Proxy.newProxyInstance(OutboxRepository.class.getClassLoader(),
              new Class<?>[] {OutboxRepository.class}, (proxy, method, args) -> {
                if (method.getName().equals("markSent") && args.length == 3) {
                  String key = DIE_AFTER_DELIVERING.get();
                  if (key != null && repository.findById((Long) args[0])
                      .map(OutboxMessage::getIdempotencyKey).filter(key::equals).isPresent()
                      && DIE_AFTER_DELIVERING.compareAndSet(key, null)) {
                    throw new IllegalStateException("node died after delivering " + key);
                  }
                }
                try {
                  return method.invoke(repository, args);
                } catch (InvocationTargetException e) {
                  throw e.getCause();
                }
              });
        }
      };
    }
  }

  @BeforeAll
  void setUp() {
    http = new Http(port);
    finance = TestUsers.ensure(identityService, "ports-finance", "finance");
    logistics = TestUsers.ensure(identityService, "ports-logistics", "logistics");
    cases = new WaitingCases(repositoryService, runtimeService);
    assertThat(jdbc.queryForObject("select current_database()", String.class)).isEqualTo("ports");
  }

  @AfterAll
  void stopStub() {
    LOGISTICS.close();
  }

  @Test
  void aLogisticsSystemFailingTwiceGetsExactlyOneShipment() {
    String caseNumber = WaitingCases.newCaseNumber();
    String key = "logistics:SHP-" + caseNumber.substring(3) + "-1";
    LOGISTICS.failNext(key, 2);

    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();

    OutboxMessage sent = awaitSent(caseNumber);
    assertThat(sent.getIdempotencyKey()).isEqualTo(key).isEqualTo("logistics:" + tn);
    assertThat(sent.getAttempts()).isEqualTo(3);
    assertThat(LOGISTICS.requests(key)).containsExactly(
        "POST /logistics/shipments key=" + key,
        "POST /logistics/shipments key=" + key,
        "POST /logistics/shipments key=" + key);
    assertThat(shipmentsAtTheStub(tn)).isEqualTo(1);
    assertThat(LOGISTICS.shipments().get(key)).contains(tn, caseNumber, "pick-up");
    assertThat(shipments.ofCase(caseNumber)).hasSize(1);
    assertThat(count("select count(*) from shipment where case_number = ?", caseNumber)).isEqualTo(1);
  }

  @Test
  void aNodeDyingAfterTheShipmentWentOutStillLeavesOneShipment() {
    String caseNumber = WaitingCases.newCaseNumber();
    String key = "logistics:SHP-" + caseNumber.substring(3) + "-1";
    DIE_AFTER_DELIVERING.set(key);

    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();

    OutboxMessage sent = awaitSent(caseNumber);
    assertThat(DIE_AFTER_DELIVERING.get()).as("the node died once").isNull();
    assertThat(sent.getAttempts()).isEqualTo(2);
    // the stub had the shipment from the first attempt; the second carried the same key
    assertThat(LOGISTICS.requests(key)).containsExactly(
        "POST /logistics/shipments key=" + key,
        "POST /logistics/shipments key=" + key);
    assertThat(shipmentsAtTheStub(tn)).isEqualTo(1);
    assertThat(count("select count(*) from shipment where case_number = ?", caseNumber)).isEqualTo(1);
    assertThat(count("select count(*) from outbox_message where case_number = ?", caseNumber)).isEqualTo(1);
  }

  @Test
  void theSameSettlementTwiceAtOnceSettlesOnce() throws Exception {
    settleTwiceAtOnce("{\"reference\": \"%s\", \"status\": \"settled\", \"eventId\": \"bank-%s\", \"amount\": 120.5}");
    // without an event id the posting's version tells the second from the first
    settleTwiceAtOnce("{\"reference\": \"%s\", \"status\": \"settled\", \"note\": \"%s\"}");
  }

  @Test
  void eventEndpointsNameTheBadFieldAndRefuseWhatTheyCannotTake() throws Exception {
    String caseNumber = WaitingCases.newCaseNumber();
    String tn = shipments.request(pickUp(caseNumber)).getTrackingNumber();
    String reference = postings.request(refund(caseNumber)).getReference();

    HttpResponse<String> badTime = http.postJson("/api/events/logistics",
        "{\"trackingNumber\": \"" + tn + "\", \"status\": \"received\", \"occurredAt\": \"yesterday\"}",
        logistics, TestUsers.PASSWORD);
    assertThat(badTime.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badTime.body()).get("fields").get(0).get("field").asText()).isEqualTo("occurredAt");

    HttpResponse<String> badAmount = http.postJson("/api/events/finance",
        "{\"reference\": \"" + reference + "\", \"status\": \"settled\", \"amount\": \"lots\"}",
        finance, TestUsers.PASSWORD);
    assertThat(badAmount.statusCode()).isEqualTo(400);
    assertThat(json.readTree(badAmount.body()).get("fields").get(0).get("field").asText()).isEqualTo("amount");

    HttpResponse<String> badStatus = http.postJson("/api/events/logistics",
        "{\"trackingNumber\": \"" + tn + "\", \"status\": \"lost\"}", logistics, TestUsers.PASSWORD);
    assertThat(badStatus.statusCode()).isEqualTo(400);
    assertThat(badStatus.body()).contains("\"field\":\"status\"");

    assertThat(http.postJson("/api/events/logistics", "{\"trackingNumber\": \"SHP-1999-000000-1\","
        + " \"status\": \"received\"}", logistics, TestUsers.PASSWORD).statusCode()).isEqualTo(404);
    // nobody waits for this unit yet
    assertThat(http.postJson("/api/events/logistics", "{\"trackingNumber\": \"" + tn + "\","
        + " \"status\": \"received\"}", logistics, TestUsers.PASSWORD).statusCode()).isEqualTo(409);
    // finance may not report shipments
    assertThat(http.postJson("/api/events/logistics", "{\"trackingNumber\": \"" + tn + "\","
        + " \"status\": \"picked-up\"}", finance, TestUsers.PASSWORD).statusCode()).isEqualTo(403);

    HttpResponse<String> pickedUp = http.postJson("/api/events/logistics", "{\"trackingNumber\": \"" + tn + "\","
        + " \"status\": \"picked-up\", \"eventId\": \"c-1\"}", logistics, TestUsers.PASSWORD);
    assertThat(pickedUp.statusCode()).isEqualTo(200);
    assertThat(json.readTree(pickedUp.body()).get("outcome").asText()).isEqualTo("applied");
    assertThat(shipments.find(tn).orElseThrow().getStatus()).isEqualTo(Shipment.PICKED_UP);
  }

  /** Two threads post the same settlement at the same moment: one applies it, the other is told it is a duplicate. */
  private void settleTwiceAtOnce(String bodyTemplate) throws Exception {
    String caseNumber = WaitingCases.newCaseNumber();
    FinancePosting posting = postings.request(refund(caseNumber));
    ProcessInstance refund = cases.waitFor("PaymentSettled", caseNumber, "postingReference", posting.getReference());
    String body = String.format(bodyTemplate, posting.getReference(), caseNumber);

    CountDownLatch start = new CountDownLatch(1);
    ExecutorService threads = Executors.newFixedThreadPool(2);
    List<Future<HttpResponse<String>>> answers = new ArrayList<>();
    try {
      for (int i = 0; i < 2; i++) {
        answers.add(threads.submit(() -> {
          start.await();
          return http.postJson("/api/events/finance", body, finance, TestUsers.PASSWORD);
        }));
      }
      start.countDown();
      List<String> outcomes = new ArrayList<>();
      for (Future<HttpResponse<String>> answer : answers) {
        HttpResponse<String> response = answer.get();
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode node = json.readTree(response.body());
        assertThat(node.get("reference").asText()).isEqualTo(posting.getReference());
        outcomes.add(node.get("outcome").asText());
      }
      assertThat(outcomes).containsExactlyInAnyOrder("applied", "duplicate");
    } finally {
      threads.shutdownNow();
    }

    assertThat(historyService.createHistoricActivityInstanceQuery().processInstanceId(refund.getId())
        .activityId("AwaitPaymentSettled").finished().count()).isEqualTo(1);
    assertThat(taskService.createTaskQuery().processInstanceId(refund.getId()).taskDefinitionKey("AfterPaymentSettled")
        .count()).isEqualTo(1);
    assertThat(postings.find(posting.getReference()).orElseThrow().getStatus()).isEqualTo(FinancePosting.SETTLED);
    assertThat(count("select count(*) from inbound_event where reference = ?", posting.getReference()))
        .isEqualTo(body.contains("eventId") ? 1 : 0);
  }

  private OutboxMessage awaitSent(String caseNumber) {
    Await.until("the shipment order of " + caseNumber + " delivered", Duration.ofSeconds(30), () -> outbox
        .findByCaseNumberOrderById(caseNumber).stream()
        .anyMatch(m -> m.getType().equals(Shipments.SHIPMENT_TYPE) && m.getStatus() == OutboxMessage.Status.SENT));
    return outbox.findByCaseNumberOrderById(caseNumber).stream()
        .filter(m -> m.getType().equals(Shipments.SHIPMENT_TYPE)).findFirst().orElseThrow();
  }

  private static long shipmentsAtTheStub(String trackingNumber) {
    return LOGISTICS.shipments().values().stream().filter(body -> body.contains("\"" + trackingNumber + "\"")).count();
  }

  private long count(String sql, String argument) {
    return jdbc.queryForObject(sql, Long.class, argument);
  }

  private static ShipmentRequest pickUp(String caseNumber) {
    return new ShipmentRequest(caseNumber, ShipmentRequest.PICK_UP, "RMA-" + caseNumber.substring(3), "C-1001",
        "Acme Film Studio", "Beijing", "printer, serial SN-1");
  }

  private static PostingRequest refund(String caseNumber) {
    return new PostingRequest(caseNumber, PostingRequest.REFUND, "ADJ-1", new BigDecimal("120.50"), "CNY", "C-1001",
        "Price difference refund");
  }

  private static StubLogisticsServer startStub() {
    try {
      return new StubLogisticsServer();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
