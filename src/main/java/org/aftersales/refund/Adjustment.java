package org.aftersales.refund;

import java.math.BigDecimal;

/**
 * A computed adjustment: the positive {@code amount} in {@code currency} (at its minor unit),
 * the finance posting kind, the refund rate when one applied, and {@code basis}, how the amount
 * came about in words the approver and the customer read.
 */
public record Adjustment(AdjustmentType type, BigDecimal amount, String currency, Integer refundPercent,
    String basis) {

  public String postingKind() {
    return type.postingKind();
  }
}
