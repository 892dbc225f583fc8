package org.aftersales.integration.finance;

import java.math.BigDecimal;

/** What the finance system gets. The reference is ours: finance's answers name it. */
public record PostingOrder(String reference, String caseNumber, String kind, String adjustmentId, BigDecimal amount,
    String currency, String customerId, String description) {

  static PostingOrder of(FinancePosting posting) {
    return new PostingOrder(posting.getReference(), posting.getCaseNumber(), posting.getKind(),
        posting.getAdjustmentId(), posting.getAmount(), posting.getCurrency(), posting.getCustomerId(),
        posting.getDescription());
  }
}
