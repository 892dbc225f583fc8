package org.aftersales.integration;

import jakarta.persistence.Column;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A request an embedded desk (R&D, logistics, finance) received, once per idempotency key, and
 * the desk process that works on it.
 */
@MappedSuperclass
public abstract class DeskRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected DeskRequest() {
  }

  protected DeskRequest(String idempotencyKey, String caseNumber, Instant receivedAt) {
    this.idempotencyKey = idempotencyKey;
    this.caseNumber = caseNumber;
    this.receivedAt = receivedAt;
  }

  public void workedIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
