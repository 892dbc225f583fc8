package org.aftersales.refund;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Settings of {@code refund-adjustment} ({@code aftersales.refund}). The model reads
 * {@code ${refundSettings.postRetryCycle}} as the retry cycle of "Post to finance": how often,
 * and how far apart, a finance outage is retried before the job becomes an incident in Cockpit.
 */
@Component("refundSettings")
public class RefundSettings {

  private final String postRetryCycle;

  public RefundSettings(@Value("${aftersales.refund.post-retry-cycle:R3/PT5M}") String postRetryCycle) {
    if (postRetryCycle == null || !postRetryCycle.matches("R\\d+/P\\S+")) {
      throw new IllegalArgumentException("aftersales.refund.post-retry-cycle must be an ISO repeating interval such"
          + " as R3/PT5M, got " + postRetryCycle);
    }
    this.postRetryCycle = postRetryCycle;
  }

  public String getPostRetryCycle() {
    return postRetryCycle;
  }
}
