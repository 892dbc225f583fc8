package org.aftersales.integration.notification;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.aftersales.integration.HttpDelivery;
import org.springframework.stereotype.Component;

/**
 * A generic HTTP SMS gateway: {@code POST <aftersales.notification.sms.url>} with
 * {@code {"to":"13800138000","text":"…","reference":"<idempotency key>"}}, the API key
 * ({@code AFTERSALES_SMS_API_KEY}) in the header {@code aftersales.notification.sms.api-key-header}
 * and the key again in {@code Idempotency-Key}. 2xx is sent; 400, 405, 410, 413, 415, 422 are
 * refusals; timeouts, 429, 5xx and the rest are retried by the outbox.
 */
@Component
class HttpSmsGateway implements SmsGateway {

  private final NotificationProperties.Sms settings;
  private final ObjectMapper json;
  private final HttpClient client;

  HttpSmsGateway(NotificationProperties properties, ObjectMapper json) {
    this.settings = properties.sms();
    this.json = json;
    this.client = HttpClient.newBuilder().connectTimeout(settings.connectTimeout()).build();
  }

  @Override
  public void send(String phone, String text, String idempotencyKey) throws IOException, InterruptedException {
    if (settings.url() == null || settings.apiKey() == null || settings.apiKey().isBlank()) {
      throw new IOException("The SMS gateway is not configured (aftersales.notification.sms.url, AFTERSALES_SMS_API_KEY)");
    }
    String body = json.writeValueAsString(Map.of("to", phone, "text", text, "reference", idempotencyKey));
    HttpRequest request = HttpRequest.newBuilder(settings.url())
        .timeout(settings.readTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header("Idempotency-Key", idempotencyKey)
        .header(settings.apiKeyHeader(), settings.apiKey().trim())
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
        .build();
    HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    HttpDelivery.check("SMS gateway", "POST " + settings.url(), response);
  }
}
