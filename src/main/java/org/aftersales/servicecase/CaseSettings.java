package org.aftersales.servicecase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param feedbackWait       how long a resolved case waits for the customer's rating before it closes
 * @param slaWarningShare    share of the first-response target after which the team lead is warned
 * @param attachmentMaxBytes largest attachment accepted
 * @param attachmentsPerCase most attachments one case keeps
 * @param moneyHistoryTimeToLive how long the history of a case that moved money (an invoice, a refund,
 *                           a write-off) is kept, instead of the processes' own time to live
 */
@ConfigurationProperties("aftersales.cases")
public record CaseSettings(Duration feedbackWait, double slaWarningShare, long attachmentMaxBytes,
    int attachmentsPerCase, Duration moneyHistoryTimeToLive) {

  public CaseSettings {
    feedbackWait = feedbackWait == null ? Duration.ofDays(7) : feedbackWait;
    slaWarningShare = slaWarningShare <= 0 || slaWarningShare >= 1 ? 0.75 : slaWarningShare;
    attachmentMaxBytes = attachmentMaxBytes <= 0 ? 10L * 1024 * 1024 : attachmentMaxBytes;
    attachmentsPerCase = attachmentsPerCase <= 0 ? 20 : attachmentsPerCase;
    moneyHistoryTimeToLive = moneyHistoryTimeToLive == null ? Duration.ofDays(3650) : moneyHistoryTimeToLive;
  }
}
