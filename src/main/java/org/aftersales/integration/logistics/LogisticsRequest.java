package org.aftersales.integration.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** An order or cancellation the embedded logistics desk received, once per idempotency key. */
@Entity
@Table(name = "logistics_request")
public class LogisticsRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(nullable = false)
  private String action;

  @Column(name = "tracking_number", nullable = false)
  private String trackingNumber;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected LogisticsRequest() {
  }

  LogisticsRequest(String idempotencyKey, ShipmentOrder order, Instant receivedAt) {
    this.idempotencyKey = idempotencyKey;
    this.action = order.action();
    this.trackingNumber = order.trackingNumber();
    this.caseNumber = order.caseNumber();
    this.receivedAt = receivedAt;
  }

  void workedIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getIdempotencyKey() {
    return idempotencyKey;
  }

  public String getAction() {
    return action;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
