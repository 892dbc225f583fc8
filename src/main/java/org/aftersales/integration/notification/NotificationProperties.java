package org.aftersales.integration.notification;

import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How notices go out (docs/notifications.md): the channels of each notice kind, and the settings
 * of the mail, WeCom and SMS channels. Their secrets come from the environment only
 * ({@link NotificationSecretsCheck}).
 *
 * @param channels per notice kind (e.g. {@code sla-warning}) the channels it goes out on, in order;
 *     {@code default} for every kind not named. Channels: {@code embedded} or {@code http} (the
 *     adapter {@code aftersales.integration.notification.adapter} chooses), {@code mail},
 *     {@code wecom}, {@code sms}.
 */
@ConfigurationProperties("aftersales.notification")
public record NotificationProperties(Map<String, List<String>> channels, Mail mail, WeCom wecom, Sms sms) {

  public static final String DEFAULT = "default";

  public NotificationProperties {
    channels = channels == null ? Map.of() : Map.copyOf(channels);
    mail = mail == null ? new Mail(null) : mail;
    wecom = wecom == null ? new WeCom(null, null, null, null) : wecom;
    sms = sms == null ? new Sms(null, null, null, null, null) : sms;
  }

  /** @param from the sender, e.g. {@code 售后服务 <service@example.com>} */
  public record Mail(String from) {
  }

  /**
   * @param baseUrl     where the group robots' webhooks are ({@code https://qyapi.weixin.qq.com})
   * @param messageType {@code text} or {@code markdown}
   */
  public record WeCom(URI baseUrl, String messageType, Duration connectTimeout, Duration readTimeout) {

    public WeCom {
      baseUrl = baseUrl == null ? URI.create("https://qyapi.weixin.qq.com") : baseUrl;
      messageType = messageType == null || messageType.isBlank() ? "text" : messageType;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
  }

  /**
   * @param url          the SMS gateway's send endpoint (POST, JSON)
   * @param apiKeyHeader the header that carries the API key ({@code AFTERSALES_SMS_API_KEY})
   * @param apiKey       from the environment, never in files
   */
  public record Sms(URI url, String apiKeyHeader, String apiKey, Duration connectTimeout, Duration readTimeout) {

    public Sms {
      apiKeyHeader = apiKeyHeader == null || apiKeyHeader.isBlank() ? "X-Api-Key" : apiKeyHeader;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }
  }
}
