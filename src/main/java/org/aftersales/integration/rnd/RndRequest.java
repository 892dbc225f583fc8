package org.aftersales.integration.rnd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.aftersales.integration.DeskRequest;

/** A request the embedded R&D desk received, once per idempotency key. */
@Entity
@Table(name = "rnd_request")
public class RndRequest extends DeskRequest {

  @Column(name = "ticket_key", nullable = false)
  private String ticketKey;

  @Column(nullable = false)
  private String kind;

  @Column(nullable = false)
  private int round;

  protected RndRequest() {
  }

  RndRequest(String idempotencyKey, RndTicketRequest request, Instant receivedAt) {
    super(idempotencyKey, request.caseNumber(), receivedAt);
    this.ticketKey = request.ticketKey();
    this.kind = request.action();
    this.round = request.round();
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
}
