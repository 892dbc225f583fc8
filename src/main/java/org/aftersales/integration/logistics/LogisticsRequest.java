package org.aftersales.integration.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.aftersales.integration.DeskRequest;

/** An order or cancellation the embedded logistics desk received, once per idempotency key. */
@Entity
@Table(name = "logistics_request")
public class LogisticsRequest extends DeskRequest {

  @Column(nullable = false)
  private String action;

  @Column(name = "tracking_number", nullable = false)
  private String trackingNumber;

  protected LogisticsRequest() {
  }

  LogisticsRequest(String idempotencyKey, ShipmentOrder order, Instant receivedAt) {
    super(idempotencyKey, order.caseNumber(), receivedAt);
    this.action = order.action();
    this.trackingNumber = order.trackingNumber();
  }

  public String getAction() {
    return action;
  }

  public String getTrackingNumber() {
    return trackingNumber;
  }
}
