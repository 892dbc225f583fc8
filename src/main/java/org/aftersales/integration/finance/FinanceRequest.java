package org.aftersales.integration.finance;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.aftersales.integration.DeskRequest;

/** A posting the embedded finance desk received, once per idempotency key. */
@Entity
@Table(name = "finance_request")
public class FinanceRequest extends DeskRequest {

  @Column(nullable = false)
  private String reference;

  protected FinanceRequest() {
  }

  FinanceRequest(String idempotencyKey, PostingOrder order, Instant receivedAt) {
    super(idempotencyKey, order.caseNumber(), receivedAt);
    this.reference = order.reference();
  }

  public String getReference() {
    return reference;
  }
}
