package org.aftersales.integration.notification;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.integration.outbox.Outbox;
import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/**
 * Queues notifications in the outbox, one message per channel of the notice
 * ({@link NoticeChannels}), and delivers those of the adapter channel through the notification
 * port; the other channels' adapters deliver their own messages ({@link ChannelAdapter}).
 */
@Component
public class Notifications implements OutboxHandler {

  public static final String TYPE = "notification.send";

  private final Outbox outbox;
  private final OutboxPayloads payloads;
  private final NotificationPort port;
  private final Languages languages;
  private final NoticeChannels channels;

  public Notifications(Outbox outbox, OutboxPayloads payloads, List<NotificationPort> ports, Languages languages,
      NoticeChannels channels) {
    this.outbox = outbox;
    this.payloads = payloads;
    this.port = ports.stream().filter(candidate -> candidate.channel().equals(channels.adapter())).findFirst()
        .orElseThrow(() -> new IllegalStateException("No notification adapter '" + channels.adapter()
            + "' (aftersales.integration.notification.adapter: embedded or http)"));
    this.languages = languages;
    this.channels = channels;
  }

  /**
   * Queues {@code notice}, put into words in {@code language}, for one recipient (see
   * {@link #queue(Notification, String)}).
   */
  public void queue(String caseNumber, String recipientType, String recipient, Notice notice, Language language,
      String occurrence) {
    NoticeTexts.Words words = NoticeTexts.say(notice, language);
    queue(new Notification(caseNumber, recipientType, recipient, notice.kind(), words.subject(), words.message(),
        language.tag()), occurrence);
  }

  /** The language staff are told things in: {@code aftersales.locale}. */
  public Language staffLanguage() {
    return languages.fallback();
  }

  /**
   * Queues the notification in the current transaction, once per channel. {@code occurrence}
   * names the one process step that decided it (an activity instance id): the key derived from it
   * is the same however often the delivery is repeated, and differs per channel, so a channel's
   * retries never send on another channel again.
   */
  void queue(Notification notification, String occurrence) {
    UUID event = UUID.nameUUIDFromBytes((notification.kind() + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
    for (String channel : channels.forNotice(notification.kind(), notification.recipientType())) {
      String key = channel.equals(channels.adapter()) ? "notification:" + event : "notification:" + channel + ":" + event;
      outbox.enqueue(channels.outboxType(channel), notification.caseNumber(), key, notification);
    }
  }

  @Override
  public String type() {
    return TYPE;
  }

  @Override
  public void deliver(OutboxMessage message) throws Exception {
    port.send(payloads.read(message, Notification.class), message.getIdempotencyKey());
  }
}
