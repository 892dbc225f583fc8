package org.aftersales.repair;

import java.math.BigDecimal;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param quoteRemindAfter        the customer is reminded of an unanswered quote this long after it was sent
 * @param quoteValidFor           an unanswered quote expires (and counts as declined) after this
 * @param discountApprovalPercent a quote discounted by more than this percentage goes through approval
 * @param unitRemindEvery         the customer is reminded to hand the unit over this often while it is awaited
 * @param unitEscalateAfter       a unit not received after this is escalated to the after-sales leads
 * @param unitGiveUpAfter         a unit not received after this is flagged as not recovered (finance is told)
 */
@ConfigurationProperties("aftersales.repair")
public record RepairSettings(Duration quoteRemindAfter, Duration quoteValidFor, BigDecimal discountApprovalPercent,
    Duration unitRemindEvery, Duration unitEscalateAfter, Duration unitGiveUpAfter) {

  public RepairSettings {
    quoteRemindAfter = quoteRemindAfter == null ? Duration.ofDays(3) : quoteRemindAfter;
    quoteValidFor = quoteValidFor == null ? Duration.ofDays(14) : quoteValidFor;
    discountApprovalPercent = discountApprovalPercent == null ? BigDecimal.TEN : discountApprovalPercent;
    unitRemindEvery = unitRemindEvery == null ? Duration.ofDays(3) : unitRemindEvery;
    unitEscalateAfter = unitEscalateAfter == null ? Duration.ofDays(10) : unitEscalateAfter;
    unitGiveUpAfter = unitGiveUpAfter == null ? Duration.ofDays(30) : unitGiveUpAfter;
    if (!quoteRemindAfter.minus(quoteValidFor).isNegative()) {
      throw new IllegalArgumentException("aftersales.repair.quote-remind-after must be shorter than quote-valid-for");
    }
    if (!unitEscalateAfter.minus(unitGiveUpAfter).isNegative()) {
      throw new IllegalArgumentException("aftersales.repair.unit-escalate-after must be shorter than unit-give-up-after");
    }
  }

  /** How many reminders fit before the unit is given up, as an ISO repeating interval for the timer. */
  public String unitReminderCycle() {
    long reminders = Math.max(1, unitGiveUpAfter.toMillis() / unitRemindEvery.toMillis() - 1);
    return "R" + reminders + "/" + unitRemindEvery;
  }
}
