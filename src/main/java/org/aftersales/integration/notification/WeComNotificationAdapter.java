package org.aftersales.integration.notification;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aftersales.integration.HttpDelivery;
import org.aftersales.integration.outbox.DeliveryRefusedException;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * Team notices in a WeCom (企业微信) group chat through the chat's group robot: {@code POST
 * <base-url>/cgi-bin/webhook/send?key=KEY}. A group's notices go to the robot whose key is in
 * {@code AFTERSALES_WECOM_KEY_<GROUP>} (e.g. {@code AFTERSALES_WECOM_KEY_APPROVER_LEAD}), else to the
 * default robot {@code AFTERSALES_WECOM_KEY}; a staff member's go to the default robot, mentioning
 * their user id (WeCom's userid, which the company's user ids are assumed to be).
 *
 * <p>WeCom answers HTTP 200 with {@code {"errcode":0,"errmsg":"ok"}}; any other errcode is a failure
 * (45009: the robot's limit of 20 messages a minute) and is retried by the outbox with its backoff,
 * as are timeouts, 5xx and 429. The robot has no idempotency key: a message whose answer was lost
 * may appear twice in the chat.
 */
@Component
class WeComNotificationAdapter extends ChannelAdapter {

  static final String DEFAULT_KEY = "AFTERSALES_WECOM_KEY";
  static final int RATE_LIMITED = 45009;

  private final NotificationProperties.WeCom settings;
  private final Environment environment;
  private final ObjectMapper json;
  private final HttpClient client;

  WeComNotificationAdapter(OutboxPayloads payloads, NotificationProperties properties, Environment environment,
      ObjectMapper json) {
    super(payloads);
    this.settings = properties.wecom();
    this.environment = environment;
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  @Override
  public String channel() {
    return NoticeChannels.WECOM;
  }

  /** The environment variable of a group's own robot: {@code AFTERSALES_WECOM_KEY_APPROVER_LEAD}. */
  static String groupKeyVariable(String group) {
    return DEFAULT_KEY + "_" + group.toUpperCase(Locale.ROOT).replaceAll("[^A-Z0-9]", "_");
  }

  @Override
  public void send(Notification notification, String idempotencyKey) throws Exception {
    String variable = Notification.GROUP.equals(notification.recipientType())
        && present(groupKeyVariable(notification.recipient())) ? groupKeyVariable(notification.recipient()) : DEFAULT_KEY;
    String key = environment.getProperty(variable);
    if (key == null || key.isBlank()) {
      throw new IOException("No WeCom robot key in " + variable);
    }
    URI uri = URI.create(settings.baseUrl().toString().replaceAll("/+$", "") + "/cgi-bin/webhook/send?key="
        + URLEncoder.encode(key.trim(), StandardCharsets.UTF_8));
    // The key is a secret: errors name the variable, never the URL.
    String shown = "POST /cgi-bin/webhook/send (robot " + variable + ")";
    HttpRequest request = HttpRequest.newBuilder(uri)
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body(notification)), StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpDelivery.check("WeCom", shown, response);
    JsonNode answer;
    try {
      answer = json.readTree(response.body());
    } catch (IOException e) {
      throw new IOException("WeCom answered " + shown + " with no JSON: " + HttpDelivery.abbreviate(response.body()));
    }
    int errcode = answer.path("errcode").asInt(-1);
    if (errcode == 0) {
      return;
    }
    String detail = "WeCom answered errcode " + errcode + " (" + answer.path("errmsg").asText("") + ") to " + shown;
    if (errcode == RATE_LIMITED) {
      throw new IOException(detail + ": the robot's rate limit, sent again later");
    }
    throw new IOException(detail);
  }

  private boolean present(String variable) {
    String value = environment.getProperty(variable);
    return value != null && !value.isBlank();
  }

  private Map<String, Object> body(Notification notification) {
    boolean markdown = "markdown".equals(settings.messageType());
    if (!markdown && !"text".equals(settings.messageType())) {
      throw new DeliveryRefusedException("aftersales.notification.wecom.message-type must be text or markdown");
    }
    List<String> mentioned = Notification.USER.equals(notification.recipientType())
        ? List.of(notification.recipient()) : List.of();
    Map<String, Object> content = new LinkedHashMap<>();
    if (markdown) {
      StringBuilder text = new StringBuilder("**").append(notification.subject()).append("**\n")
          .append(notification.message());
      mentioned.forEach(user -> text.append("\n<@").append(user).append('>'));
      content.put("content", text.toString());
    } else {
      content.put("content", notification.subject() + "\n" + notification.message());
      if (!mentioned.isEmpty()) {
        content.put("mentioned_list", mentioned);
      }
    }
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("msgtype", markdown ? "markdown" : "text");
    body.put(markdown ? "markdown" : "text", content);
    return body;
  }
}
