package org.aftersales.integration.finance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A posting the embedded finance desk received, once per idempotency key. */
@Entity
@Table(name = "finance_request")
public class FinanceRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(nullable = false)
  private String reference;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected FinanceRequest() {
  }

  FinanceRequest(String idempotencyKey, PostingOrder order, Instant receivedAt) {
    this.idempotencyKey = idempotencyKey;
    this.reference = order.reference();
    this.caseNumber = order.caseNumber();
    this.receivedAt = receivedAt;
  }

  void workedIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getReference() {
    return reference;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
