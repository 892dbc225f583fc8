package org.aftersales.integration.notification;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** What the embedded notification adapter "sent": the record a fresh machine keeps. */
@Entity
@Table(name = "notification_log")
public class NotificationLogEntry {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "recipient_type", nullable = false)
  private String recipientType;

  @Column(nullable = false)
  private String recipient;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private String subject;

  @Column(nullable = false)
  private String message;

  @Column(name = "sent_at", nullable = false)
  private Instant sentAt;

  protected NotificationLogEntry() {
  }

  NotificationLogEntry(Notification notification, String idempotencyKey, Instant sentAt) {
    this.idempotencyKey = idempotencyKey;
    this.caseNumber = notification.caseNumber();
    this.recipientType = notification.recipientType();
    this.recipient = notification.recipient();
    this.kind = notification.kind();
    this.subject = notification.subject();
    this.message = notification.message();
    this.sentAt = sentAt;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getRecipientType() {
    return recipientType;
  }

  public String getRecipient() {
    return recipient;
  }

  public String getKind() {
    return kind;
  }

  public String getSubject() {
    return subject;
  }

  public String getMessage() {
    return message;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
