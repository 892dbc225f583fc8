package org.aftersales.servicecase;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param feedbackWait       how long a resolved case waits for the customer's rating before it closes
 * @param slaWarningShare    share of the first-response target after which the team lead is warned
 * @param attachmentMaxBytes largest attachment accepted
 * @param attachmentsPerCase most attachments one case keeps
 */
@ConfigurationProperties("aftersales.cases")
public record CaseSettings(Duration feedbackWait, double slaWarningShare, long attachmentMaxBytes,
    int attachmentsPerCase) {

  public CaseSettings {
    feedbackWait = feedbackWait == null ? Duration.ofDays(7) : feedbackWait;
    slaWarningShare = slaWarningShare <= 0 || slaWarningShare >= 1 ? 0.75 : slaWarningShare;
    attachmentMaxBytes = attachmentMaxBytes <= 0 ? 10L * 1024 * 1024 : attachmentMaxBytes;
    attachmentsPerCase = attachmentsPerCase <= 0 ? 20 : attachmentsPerCase;
  }
}
