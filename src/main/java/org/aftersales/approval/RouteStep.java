package org.aftersales.approval;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One step of an approval route: a row of the decision {@code approval-routing}, checked
 * and with its defaults filled in.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RouteStep(
    int step,
    String stepName,
    String candidateGroup,
    String approverExpression,
    String signMode,
    Double signRatio,
    String remindAfter,
    String timeoutAfter,
    String onTimeout,
    String onReject,
    int maxRounds,
    boolean skipRequester,
    boolean skipPriorApprovers) {

  public static final String ESCALATE = "escalate";
  public static final String AUTO_APPROVE = "auto-approve";
  public static final String AUTO_REJECT = "auto-reject";
  public static final String RESUBMIT = "resubmit";
  public static final String END = "end";

  public SignMode mode() {
    return SignMode.of(signMode);
  }

  public double ratio() {
    return signRatio == null ? 1.0 : signRatio;
  }

  /** The same step handed to another group, decided by one of its members, without further time-out. */
  public RouteStep escalatedTo(String group) {
    return new RouteStep(step, "Escalated: " + stepName, group, null, SignMode.SINGLE.code(), null, remindAfter,
        null, null, onReject, maxRounds, skipRequester, skipPriorApprovers);
  }
}
