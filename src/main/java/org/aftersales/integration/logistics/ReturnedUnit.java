package org.aftersales.integration.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import java.time.Instant;

/**
 * A unit the customer sends back under an RMA number (repair at the depot, returns): awaited,
 * received, or never recovered, which finance and QA count on. Kept in the case's own order row.
 */
@Embeddable
public class ReturnedUnit {

  public enum Status { AWAITED, RECEIVED, NOT_RECOVERED }

  @Column(name = "rma_number")
  private String rmaNumber;

  @Enumerated(EnumType.STRING)
  @Column(name = "unit_status")
  private Status status;

  @Column(name = "unit_received_at")
  private Instant receivedAt;

  public void awaited(String rmaNumber) {
    this.rmaNumber = rmaNumber;
    this.status = Status.AWAITED;
  }

  public void received(Instant at) {
    this.status = Status.RECEIVED;
    this.receivedAt = at;
  }

  public void notRecovered() {
    this.status = Status.NOT_RECOVERED;
  }

  public String getRmaNumber() {
    return rmaNumber;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getReceivedAt() {
    return receivedAt;
  }
}
