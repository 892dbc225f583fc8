package org.aftersales.repair;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param quoteRemindAfter        the customer is reminded of an unanswered quote this long after it was sent
 * @param quoteValidFor           an unanswered quote expires (and counts as declined) after this
 * @param discountApprovalPercent a quote discounted by more than this percentage goes through approval
 */
@ConfigurationProperties("aftersales.repair")
public record RepairSettings(Duration quoteRemindAfter, Duration quoteValidFor, BigDecimal discountApprovalPercent) {

  public RepairSettings {
    quoteRemindAfter = quoteRemindAfter == null ? Duration.ofDays(3) : quoteRemindAfter;
    quoteValidFor = quoteValidFor == null ? Duration.ofDays(14) : quoteValidFor;
    discountApprovalPercent = discountApprovalPercent == null ? BigDecimal.TEN : discountApprovalPercent;
    if (!quoteRemindAfter.minus(quoteValidFor).isNegative()) {
      throw new IllegalArgumentException("aftersales.repair.quote-remind-after must be shorter than quote-valid-for");
    }
  }
}
