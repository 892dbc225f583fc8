package org.aftersales.integration.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/**
 * A side effect to deliver to an outside system, written in the same transaction as the
 * process state that decided it. The idempotency key travels with every delivery attempt.
 */
@Entity
@Table(name = "outbox_message")
public class OutboxMessage {

  public enum Status { PENDING, SENDING, SENT, DEAD }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(nullable = false)
  private String type;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(nullable = false)
  private String payload;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "next_attempt_at", nullable = false)
  private Instant nextAttemptAt;

  @Column(name = "last_error")
  private String lastError;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "sent_at")
  private Instant sentAt;

  @Version
  private long version;

  protected OutboxMessage() {
  }

  OutboxMessage(String type, String caseNumber, String idempotencyKey, String payload, Instant now) {
    this.type = type;
    this.caseNumber = caseNumber;
    this.idempotencyKey = idempotencyKey;
    this.payload = payload;
    this.status = Status.PENDING;
    this.attempts = 0;
    this.nextAttemptAt = now;
    this.createdAt = now;
  }

  public Long getId() {
    return id;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getType() {
    return type;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getPayload() {
    return payload;
  }

  public Status getStatus() {
    return status;
  }

  public int getAttempts() {
    return attempts;
  }

  public Instant getNextAttemptAt() {
    return nextAttemptAt;
  }

  public String getLastError() {
    return lastError;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getSentAt() {
    return sentAt;
  }
}
