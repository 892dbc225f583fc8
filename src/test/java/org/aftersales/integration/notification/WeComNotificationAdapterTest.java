package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import org.aftersales.integration.outbox.DeliveryRefusedException;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.aftersales.testsupport.StubChannelServer;
import org.aftersales.testsupport.StubChannelServer.Answer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.mock.env.MockEnvironment;

/** The WeCom robot post and how its answers are read, against a loopback stub of the webhook. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WeComNotificationAdapterTest {

  private final ObjectMapper json = new ObjectMapper();
  private final MockEnvironment environment = new MockEnvironment()
      .withProperty("AFTERSALES_WECOM_KEY", "default key/+")
      .withProperty("AFTERSALES_WECOM_KEY_FIELD_SERVICE", "field-robot");
  private StubChannelServer robot;

  @BeforeAll
  void start() throws IOException {
    robot = new StubChannelServer(18132, Answer.of(200, "{\"errcode\":0,\"errmsg\":\"ok\"}"));
  }

  @AfterAll
  void stop() {
    robot.close();
  }

  @Test
  void markdownMentionsTheStaffMemberInTheDefaultRobot() throws Exception {
    robot.script();
    adapter("markdown").send(new Notification("AS-2026-000001", Notification.USER, "lead-li", "approval-reminder",
        "提醒：有一项审批等待您处理", "请审批“经理”", "zh-CN"), "notification:wecom:1");

    StubChannelServer.Request post = robot.requests().get(0);
    // the key is sent URL-encoded, as WeCom's webhook address carries it
    assertThat(post.pathAndQuery()).isEqualTo("/cgi-bin/webhook/send?key=default+key%2F%2B");
    JsonNode body = json.readTree(post.body());
    assertThat(body.get("msgtype").asText()).isEqualTo("markdown");
    assertThat(body.at("/markdown/content").asText()).isEqualTo("**提醒：有一项审批等待您处理**\n请审批“经理”\n<@lead-li>");
  }

  @Test
  void aGroupWithItsOwnRobotGetsItThoseWithoutTheDefault() throws Exception {
    robot.script();
    adapter("text").send(groupNotice("field-service"), "k1");
    adapter("text").send(groupNotice("finance"), "k2");

    assertThat(robot.requests()).extracting(StubChannelServer.Request::pathAndQuery).containsExactly(
        "/cgi-bin/webhook/send?key=field-robot", "/cgi-bin/webhook/send?key=default+key%2F%2B");
    assertThat(json.readTree(robot.requests().get(0).body()).has("mentioned_list")).isFalse();
  }

  @Test
  void aNonZeroErrcodeIsAFailureEvenWithHttp200AndTheKeyIsNeverInTheError() {
    robot.script(Answer.of(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}"),
        Answer.of(200, "{\"errcode\":93000,\"errmsg\":\"invalid webhook url\"}"),
        Answer.of(200, "<html>proxy login</html>"),
        Answer.of(400, "bad request"));

    assertThatThrownBy(() -> adapter("text").send(groupNotice("field-service"), "k"))
        .isInstanceOf(IOException.class).hasMessageContaining("45009").hasMessageContaining("rate limit");
    assertThatThrownBy(() -> adapter("text").send(groupNotice("field-service"), "k"))
        .isInstanceOf(IOException.class).hasMessageContaining("93000").hasMessageNotContaining("field-robot");
    assertThatThrownBy(() -> adapter("text").send(groupNotice("field-service"), "k"))
        .isInstanceOf(IOException.class).hasMessageContaining("no JSON");
    assertThatThrownBy(() -> adapter("text").send(groupNotice("field-service"), "k"))
        .isInstanceOf(DeliveryRefusedException.class).hasMessageContaining("400")
        .hasMessageContaining("AFTERSALES_WECOM_KEY_FIELD_SERVICE").hasMessageNotContaining("field-robot");
  }

  private static Notification groupNotice(String group) {
    return new Notification("AS-2026-000002", Notification.GROUP, group, "arrival-warning", "Case AS-2026-000002: on-site arrival at risk",
        "The technician may be late.", "en");
  }

  private WeComNotificationAdapter adapter(String messageType) {
    NotificationProperties properties = new NotificationProperties(null, null,
        new NotificationProperties.WeCom(URI.create(robot.baseUrl()), messageType, null, null), null);
    return new WeComNotificationAdapter(new OutboxPayloads(json), properties, environment, json);
  }
}
