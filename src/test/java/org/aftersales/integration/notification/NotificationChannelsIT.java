package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import org.aftersales.common.Language;
import org.aftersales.integration.outbox.OutboxDispatcher;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxRepository;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.Cases;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.StubChannelServer;
import org.aftersales.testsupport.StubChannelServer.Answer;
import org.aftersales.testsupport.TestSmtpServer;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Notices by e-mail, WeCom group robot and SMS through the outbox on PostgreSQL: a real SMTP server
 * (GreenMail) that wants the password from the environment and refuses one mailbox for good, and
 * loopback stubs of the WeCom webhook and an SMS gateway that time out, refuse, fail and limit.
 *
 * <p>Its own context (like IntegrationFaultsIT): its own engine name, database and no webapps.
 */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@DirtiesContext
class NotificationChannelsIT {

  private static final int SMTP_PORT = 18102;
  private static final String SMTP_USER = "service";
  private static final String SMTP_PASSWORD = "smtp-secret-from-env";
  private static final String GONE = "gone@customer.test";
  private static final String WECOM_OK = "{\"errcode\":0,\"errmsg\":\"ok\"}";
  private static final StubChannelServer WECOM = stub(18112, Answer.of(200, WECOM_OK));
  private static final StubChannelServer SMS = stub(18122, Answer.of(200, "{\"id\":\"m-1\"}"));

  private static volatile TestSmtpServer smtp = TestSmtpServer.start(SMTP_PORT, SMTP_USER, SMTP_PASSWORD);

  private final ObjectMapper json = new ObjectMapper();

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired OutboxRepository outbox;
  @Autowired OutboxDispatcher dispatcher;
  @Autowired Notifications notifications;
  @Autowired PlatformTransactionManager transactionManager;

  Http http;
  String desk;

  @DynamicPropertySource
  static void channels(DynamicPropertyRegistry registry) {
    registry.add("camunda.bpm.process-engine-name", () -> "channels");
    registry.add("spring.datasource.url", () -> EmbeddedPostgresSupport.createDatabase("channels"));
    registry.add("camunda.bpm.webapp.enabled", () -> "false");
    registry.add("aftersales.outbox.initial-backoff", () -> "PT0.2S");
    registry.add("aftersales.outbox.max-backoff", () -> "PT0.5S");
    registry.add("aftersales.outbox.poll-interval", () -> "PT0.2S");
    registry.add("aftersales.outbox.max-attempts", () -> "30");
    registry.add("aftersales.notification.channels.acknowledgement", () -> "mail,sms");
    registry.add("aftersales.notification.channels.sla-warning", () -> "wecom,mail");
    registry.add("aftersales.notification.channels.approval-reminder", () -> "mail,wecom");
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
    registry.add("spring.mail.username", () -> SMTP_USER);
    registry.add("spring.mail.properties.mail.smtp.auth", () -> "true");
    // As the environment gives them: application.yaml reads spring.mail.password from AFTERSALES_MAIL_PASSWORD.
    registry.add("AFTERSALES_MAIL_PASSWORD", () -> SMTP_PASSWORD);
    registry.add("AFTERSALES_WECOM_KEY", () -> "robot-default");
    registry.add("AFTERSALES_WECOM_KEY_APPROVER_LEAD", () -> "robot-leads");
    registry.add("AFTERSALES_SMS_API_KEY", () -> "sms-secret");
    registry.add("aftersales.notification.mail.from", () -> "售后服务 <service@aftersales.test>");
    registry.add("aftersales.notification.wecom.base-url", WECOM::baseUrl);
    registry.add("aftersales.notification.wecom.read-timeout", () -> "PT1S");
    registry.add("aftersales.notification.sms.url", () -> SMS.baseUrl() + "/v1/messages");
    registry.add("aftersales.notification.sms.read-timeout", () -> "PT1S");
  }

  @BeforeAll
  void users() {
    http = new Http(port);
    desk = TestUsers.ensure(identityService, "channels-desk", "customer-service");
    withEmail(TestUsers.ensure(identityService, "lead-li", "approver-lead"), "li.lead@aftersales.test");
    withEmail(TestUsers.ensure(identityService, "lead-wang", "approver-lead"), "wang.lead@aftersales.test");
    TestUsers.ensure(identityService, "lead-no-mail", "approver-lead");
  }

  @AfterAll
  void stopServers() {
    smtp.stop();
    WECOM.close();
    SMS.close();
  }

  @Test
  void theCustomerIsToldByMailAndSmsInTheirLanguage() throws Exception {
    SMS.script();
    String chinese = openCase("张先生 zhang@customer.test 138-0013-8000", "zh-CN");
    String english = openCase("Mr. Smith <smith@customer.test>, +44 20 7946 0958", "en");
    acknowledge(chinese, "我们已安排工程师处理您的问题。");
    acknowledge(english, "An engineer is looking into it.");

    MimeMessage toChinese = awaitMail("zhang@customer.test");
    assertThat(toChinese.getSubject())
        .isEqualTo(NoticeTexts.bundle(Language.ZH_CN).get("acknowledgement.subject").replace("${caseNumber}", chinese));
    assertThat(toChinese.getContent().toString().trim()).isEqualTo("我们已安排工程师处理您的问题。");
    assertThat(toChinese.getContentType()).containsIgnoringCase("charset=UTF-8");
    assertThat(toChinese.getHeader("Content-Language")).containsExactly("zh-CN");
    InternetAddress from = (InternetAddress) toChinese.getFrom()[0];
    assertThat(from.getAddress()).isEqualTo("service@aftersales.test");
    assertThat(from.getPersonal()).isEqualTo("售后服务");
    OutboxMessage mail = sent(chinese, "notification.mail");
    assertThat(toChinese.getMessageID()).isEqualTo(MailNotificationAdapter.messageId(mail.getIdempotencyKey()));

    MimeMessage toEnglish = awaitMail("smith@customer.test");
    assertThat(toEnglish.getSubject())
        .isEqualTo(NoticeTexts.bundle(Language.EN).get("acknowledgement.subject").replace("${caseNumber}", english));
    assertThat(toEnglish.getContent().toString().trim()).isEqualTo("An engineer is looking into it.");
    assertThat(toEnglish.getHeader("Content-Language")).containsExactly("en");

    // the same notices by SMS, to the numbers in the contacts, with the API key from the environment
    OutboxMessage sms = sent(chinese, "notification.sms");
    sent(english, "notification.sms");
    List<JsonNode> texts = SMS.requests().stream().map(r -> read(r.body())).toList();
    assertThat(texts).extracting(t -> t.get("to").asText()).containsExactlyInAnyOrder("13800138000", "+442079460958");
    JsonNode toZhang = texts.stream().filter(t -> t.get("to").asText().equals("13800138000")).findFirst().orElseThrow();
    assertThat(toZhang.get("text").asText()).contains(chinese, "我们已安排工程师处理您的问题。");
    assertThat(toZhang.get("reference").asText()).isEqualTo(sms.getIdempotencyKey());
    assertThat(SMS.requests()).allSatisfy(r -> assertThat(r.header("X-Api-Key")).isEqualTo("sms-secret"));
    // the adapter channel (embedded) is not used for a kind with channels of its own
    assertThat(outbox.findByCaseNumberOrderById(chinese)).extracting(OutboxMessage::getType)
        .doesNotContain(Notifications.TYPE);
  }

  @Test
  void theMailServerWantsThePasswordTheApplicationHasFromTheEnvironment() {
    // The sends above log in with AFTERSALES_MAIL_PASSWORD; a wrong one is refused by this server.
    Properties properties = new Properties();
    properties.put("mail.smtp.auth", "true");
    Session session = Session.getInstance(properties);
    assertThatThrownBy(() -> {
      try (Transport transport = session.getTransport("smtp")) {
        transport.connect("127.0.0.1", SMTP_PORT, SMTP_USER, "not-the-password");
      }
    }).isInstanceOf(AuthenticationFailedException.class);
  }

  @Test
  void aGroupsNoticeReachesItsMembersAndItsRobot() throws Exception {
    WECOM.script();
    String caseNumber = openCase("王经理 13900139000", "zh-CN");
    queue(caseNumber, Notification.GROUP, "approver-lead",
        Notice.of("sla-warning", "caseNumber", caseNumber, "customerName", "Acme Film Studio", "due", "2026-12-04 10:00"));

    OutboxMessage mail = sent(caseNumber, "notification.mail");
    sent(caseNumber, "notification.wecom");
    List<MimeMessage> received = mailsWithId(MailNotificationAdapter.messageId(mail.getIdempotencyKey()));
    // one message, addressed to both members with an e-mail (one copy in each mailbox)
    assertThat(received).hasSize(2);
    assertThat(Arrays.stream(received.get(0).getRecipients(Message.RecipientType.TO)).map(a -> ((InternetAddress) a).getAddress()))
        .containsExactlyInAnyOrder("li.lead@aftersales.test", "wang.lead@aftersales.test");
    NoticeTexts.Words words = NoticeTexts.say(Notice.of("sla-warning", "caseNumber", caseNumber,
        "customerName", "Acme Film Studio", "due", "2026-12-04 10:00"), Language.ZH_CN);
    assertThat(received.get(0).getSubject()).isEqualTo(words.subject());

    assertThat(WECOM.requests()).hasSize(1);
    StubChannelServer.Request post = WECOM.requests().get(0);
    assertThat(post.pathAndQuery()).isEqualTo("/cgi-bin/webhook/send?key=robot-leads");
    JsonNode body = read(post.body());
    assertThat(body.get("msgtype").asText()).isEqualTo("text");
    assertThat(body.at("/text/content").asText()).isEqualTo(words.subject() + "\n" + words.message());
  }

  @Test
  void aStaffMembersReminderGoesToTheirMailAndMentionsThemInTheDefaultRobot() throws Exception {
    WECOM.script();
    String caseNumber = openCase("王经理 13900139000", "zh-CN");
    queue(caseNumber, Notification.USER, "lead-li",
        Notice.of("approval-reminder", "stepName", "Manager", "summary", "Discount 15 %"));

    OutboxMessage mail = sent(caseNumber, "notification.mail");
    sent(caseNumber, "notification.wecom");
    List<MimeMessage> received = mailsWithId(MailNotificationAdapter.messageId(mail.getIdempotencyKey()));
    assertThat(received).hasSize(1);
    assertThat(received.get(0).getAllRecipients()).extracting(a -> ((InternetAddress) a).getAddress())
        .containsExactly("li.lead@aftersales.test");
    assertThat(WECOM.requests()).singleElement().satisfies(post -> {
      assertThat(post.pathAndQuery()).isEqualTo("/cgi-bin/webhook/send?key=robot-default");
      assertThat(read(post.body()).at("/text/mentioned_list/0").asText()).isEqualTo("lead-li");
    });
  }

  @Test
  void aRecipientTheServerRefusesIsNotTriedAgain() throws Exception {
    TestSmtpServer.REFUSED.add(GONE);
    SMS.script();
    String caseNumber = openCase("赵女士 " + GONE + " 13700137000", "zh-CN");
    acknowledge(caseNumber, "已收到。");

    Await.until("the refused mail given up", Duration.ofSeconds(30), () -> message(caseNumber, "notification.mail")
        .map(m -> m.getStatus() == OutboxMessage.Status.DEAD).orElse(false));
    OutboxMessage dead = message(caseNumber, "notification.mail").orElseThrow();
    assertThat(dead.getAttempts()).isEqualTo(1);
    assertThat(dead.getLastError()).contains("550", GONE);
    assertThat(smtp.received()).noneMatch(m -> recipients(m).contains(GONE));
    // the SMS of the same notice is its own message and goes out
    sent(caseNumber, "notification.sms");
  }

  @Test
  void aMailServerThatIsDownGetsTheMailOnceWhenItIsBack() throws Exception {
    String caseNumber = openCase("钱先生 qian@customer.test", "zh-CN");
    smtp.stop();
    acknowledge(caseNumber, "稍后回复您。");

    Await.until("two failed attempts while the server is down", Duration.ofSeconds(30), () ->
        message(caseNumber, "notification.mail").map(m -> m.getAttempts() >= 2
            && m.getStatus() == OutboxMessage.Status.PENDING && m.getLastError() != null).orElse(false));
    assertThat(message(caseNumber, "notification.mail").orElseThrow().getLastError()).contains("qian@customer.test");

    smtp = TestSmtpServer.start(SMTP_PORT, SMTP_USER, SMTP_PASSWORD);
    OutboxMessage mail = sent(caseNumber, "notification.mail");
    dispatcher.dispatchDue();
    Thread.sleep(500);
    assertThat(mailsWithId(MailNotificationAdapter.messageId(mail.getIdempotencyKey()))).hasSize(1);
    assertThat(smtp.received()).filteredOn(m -> recipients(m).contains("qian@customer.test")).hasSize(1);
  }

  @Test
  void weComTimeoutsFailuresAndRateLimitsAreRetriedUntilOnePostAndTheMailIsNotSentAgain() throws Exception {
    WECOM.script(
        Answer.slow(Duration.ofSeconds(2), Answer.of(500, "")),
        Answer.of(502, "Bad Gateway"),
        Answer.of(429, ""),
        Answer.of(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"));
    String caseNumber = openCase("王经理 13900139000", "zh-CN");
    queue(caseNumber, Notification.GROUP, "approver-lead",
        Notice.of("sla-warning", "caseNumber", caseNumber, "customerName", "Acme", "due", "2026-12-04 11:00"));

    OutboxMessage wecom = sent(caseNumber, "notification.wecom");
    assertThat(wecom.getAttempts()).isEqualTo(5);
    assertThat(WECOM.requests()).extracting(StubChannelServer.Request::answered).containsExactly(500, 502, 429, 200, 200);
    // the same post each time, to the leads' robot
    assertThat(WECOM.requests()).extracting(StubChannelServer.Request::body).containsOnly(WECOM.requests().get(0).body());
    assertThat(WECOM.requests()).extracting(StubChannelServer.Request::pathAndQuery)
        .containsOnly("/cgi-bin/webhook/send?key=robot-leads");
    OutboxMessage mail = sent(caseNumber, "notification.mail");
    assertThat(mail.getAttempts()).isEqualTo(1);
    assertThat(mailsWithId(MailNotificationAdapter.messageId(mail.getIdempotencyKey()))).hasSize(2);
  }

  @Test
  void aWeComOrSmsRefusalIsGivenUpAtOnce() throws Exception {
    WECOM.script(Answer.of(400, "{\"errcode\":40008,\"errmsg\":\"invalid message type\"}"));
    SMS.script(Answer.of(422, "{\"error\":\"invalid number\"}"));
    String caseNumber = openCase("孙先生 sun@customer.test 13600136000", "zh-CN");
    queue(caseNumber, Notification.GROUP, "approver-lead",
        Notice.of("sla-warning", "caseNumber", caseNumber, "customerName", "Acme", "due", "2026-12-04 12:00"));
    acknowledge(caseNumber, "收到。");

    for (String type : List.of("notification.wecom", "notification.sms")) {
      Await.until(type + " given up", Duration.ofSeconds(30), () -> message(caseNumber, type)
          .map(m -> m.getStatus() == OutboxMessage.Status.DEAD).orElse(false));
      assertThat(message(caseNumber, type).orElseThrow().getAttempts()).isEqualTo(1);
    }
    assertThat(message(caseNumber, "notification.wecom").orElseThrow().getLastError())
        .contains("400").doesNotContain("robot-leads");
    assertThat(message(caseNumber, "notification.sms").orElseThrow().getLastError()).contains("422", "invalid number");
  }

  @Test
  void smsTimeoutsFailuresAndRateLimitsAreRetriedUntilSentOnce() throws Exception {
    SMS.script(
        Answer.slow(Duration.ofSeconds(2), Answer.of(503, "")),
        Answer.of(500, ""),
        Answer.of(429, "{\"error\":\"slow down\"}"));
    String caseNumber = openCase("周女士 13500135000", "zh-CN");
    acknowledge(caseNumber, "正在处理。");

    OutboxMessage sms = sent(caseNumber, "notification.sms");
    assertThat(sms.getAttempts()).isEqualTo(4);
    assertThat(SMS.requests()).extracting(StubChannelServer.Request::answered).containsExactly(503, 500, 429, 200);
    assertThat(SMS.requests()).extracting(r -> r.header("Idempotency-Key")).containsOnly(sms.getIdempotencyKey());
    // no e-mail address in the contact: nothing to send by mail, and nothing to retry
    assertThat(sent(caseNumber, "notification.mail").getAttempts()).isEqualTo(1);
  }

  private String openCase(String contact, String language) throws Exception {
    String request = Cases.exampleJson().replace("\"contractLevel\": \"standard\" }",
        "\"contractLevel\": \"standard\", \"contact\": " + json.writeValueAsString(contact)
            + ", \"language\": \"" + language + "\" }");
    var answer = http.postJson("/api/cases", request, desk, TestUsers.PASSWORD);
    assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
    return json.readTree(answer.body()).get("caseNumber").asText();
  }

  private void acknowledge(String caseNumber, String message) {
    Await.until("AcknowledgeCustomer of " + caseNumber, Duration.ofSeconds(30), () -> taskService.createTaskQuery()
        .processInstanceBusinessKey(caseNumber).taskDefinitionKey("AcknowledgeCustomer").count() == 1);
    Task task = taskService.createTaskQuery().processInstanceBusinessKey(caseNumber)
        .taskDefinitionKey("AcknowledgeCustomer").singleResult();
    taskService.claim(task.getId(), desk);
    taskService.complete(task.getId(), Map.of("acknowledgementMessage", message));
  }

  private void queue(String caseNumber, String recipientType, String recipient, Notice notice) {
    new TransactionTemplate(transactionManager).executeWithoutResult(status -> notifications.queue(caseNumber,
        recipientType, recipient, notice, Language.ZH_CN, "test-" + UUID.randomUUID()));
  }

  private java.util.Optional<OutboxMessage> message(String caseNumber, String type) {
    return outbox.findByCaseNumberOrderById(caseNumber).stream().filter(m -> m.getType().equals(type)).findFirst();
  }

  private OutboxMessage sent(String caseNumber, String type) {
    Await.until(type + " of " + caseNumber + " sent", Duration.ofSeconds(45), () -> message(caseNumber, type)
        .map(m -> m.getStatus() == OutboxMessage.Status.SENT).orElse(false));
    return message(caseNumber, type).orElseThrow();
  }

  private MimeMessage awaitMail(String address) {
    Await.until("mail to " + address, Duration.ofSeconds(45), () -> smtp.received().stream()
        .anyMatch(m -> recipients(m).contains(address)));
    return smtp.received().stream().filter(m -> recipients(m).contains(address)).findFirst().orElseThrow();
  }

  private List<MimeMessage> mailsWithId(String messageId) {
    return smtp.received().stream().filter(m -> {
      try {
        return messageId.equals(m.getMessageID());
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    }).toList();
  }

  private static List<String> recipients(MimeMessage message) {
    try {
      return message.getAllRecipients() == null ? List.of()
          : Arrays.stream(message.getAllRecipients()).map(a -> ((InternetAddress) a).getAddress()).toList();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  private void withEmail(String userId, String email) {
    User user = identityService.createUserQuery().userId(userId).singleResult();
    user.setEmail(email);
    identityService.saveUser(user);
  }

  private static StubChannelServer stub(int port, Answer success) {
    try {
      return new StubChannelServer(port, success);
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
