package org.aftersales.approval;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param urgeInterval      how often a requester may urge the approvers of one approval
 * @param escalationGroup   who decides a step that timed out with "escalate" when no later step is left
 * @param maxStepApprovers  most approvers one step asks (a larger group is cut, with a warning)
 */
@ConfigurationProperties("aftersales.approval")
public record ApprovalSettings(Duration urgeInterval, String escalationGroup, int maxStepApprovers) {

  public ApprovalSettings {
    urgeInterval = urgeInterval == null ? Duration.ofHours(1) : urgeInterval;
    escalationGroup = escalationGroup == null || escalationGroup.isBlank() ? "approver-director" : escalationGroup;
    maxStepApprovers = maxStepApprovers <= 0 ? 50 : maxStepApprovers;
  }
}
