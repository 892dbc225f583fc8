package org.aftersales.integration.notification;

import java.nio.charset.StandardCharsets;
import java.util.UUID;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.integration.outbox.Outbox;
import org.aftersales.integration.outbox.OutboxHandler;
import org.aftersales.integration.outbox.OutboxMessage;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.springframework.stereotype.Component;

/** Queues notifications in the outbox and delivers them through the notification port. */
@Component
public class Notifications implements OutboxHandler {

  public static final String TYPE = "notification.send";

  private final Outbox outbox;
  private final OutboxPayloads payloads;
  private final NotificationPort port;
  private final Languages languages;

  public Notifications(Outbox outbox, OutboxPayloads payloads, NotificationPort port, Languages languages) {
    this.outbox = outbox;
    this.payloads = payloads;
    this.port = port;
    this.languages = languages;
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
   * Queues the notification in the current transaction. {@code occurrence} names the one
   * process step that decided it (an activity instance id): the key derived from it is the
   * same however often the delivery is repeated.
   */
  void queue(Notification notification, String occurrence) {
    String key = "notification:" + UUID.nameUUIDFromBytes(
        (notification.kind() + "|" + occurrence).getBytes(StandardCharsets.UTF_8));
    outbox.enqueue(TYPE, notification.caseNumber(), key, notification);
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
