package org.aftersales.integration.rnd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A request the embedded R&D desk received, once per idempotency key. */
@Entity
@Table(name = "rnd_request")
public class RndRequest {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "idempotency_key", nullable = false, unique = true)
  private String idempotencyKey;

  @Column(name = "ticket_key", nullable = false)
  private String ticketKey;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private int round;

  @Column(name = "case_number")
  private String caseNumber;

  @Column(name = "received_at", nullable = false)
  private Instant receivedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  protected RndRequest() {
  }

  RndRequest(String idempotencyKey, RndTicketRequest request, Instant receivedAt) {
    this.idempotencyKey = idempotencyKey;
    this.ticketKey = request.ticketKey();
    this.kind = request.action();
    this.round = request.round();
    this.caseNumber = request.caseNumber();
    this.receivedAt = receivedAt;
  }

  void workedIn(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public String getTicketKey() {
    return ticketKey;
  }

  public String getKind() {
    return kind;
  }

  public int getRound() {
    return round;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
