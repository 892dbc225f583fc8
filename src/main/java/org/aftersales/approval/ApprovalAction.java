package org.aftersales.approval;

/** What an approval record says happened; {@link #code()} is stored and shown. */
public enum ApprovalAction {
  SUBMITTED("submitted", "Submitted"),
  APPROVED("approved", "Approved"),
  REJECTED("rejected", "Rejected"),
  SKIPPED("skipped", "Step skipped"),
  AUTO_APPROVED("auto-approved", "Approved automatically (time-out)"),
  AUTO_REJECTED("auto-rejected", "Rejected automatically (time-out)"),
  ESCALATED("escalated", "Escalated (time-out)"),
  REMINDED("reminded", "Approvers reminded"),
  ASSIGNED("assigned", "Assigned"),
  DELEGATED("delegated", "Delegated"),
  TRANSFERRED("transferred", "Transferred"),
  APPROVER_ADDED("approver-added", "Approver added"),
  COPIED("copied", "Copied to"),
  URGED("urged", "Urged"),
  RETURNED("returned", "Returned to the previous step"),
  WITHDRAWN("withdrawn", "Withdrawn"),
  RESUBMITTED("resubmitted", "Revised and resubmitted"),
  ABANDONED("abandoned", "Not resubmitted");

  private final String code;
  private final String label;

  ApprovalAction(String code, String label) {
    this.code = code;
    this.label = label;
  }

  public String code() {
    return code;
  }

  public String label() {
    return label;
  }

  /** Actions that decide a step: they make up the approval's list of decisions. */
  public boolean isDecision() {
    return this == APPROVED || this == REJECTED || this == AUTO_APPROVED || this == AUTO_REJECTED
        || this == SKIPPED || this == ESCALATED;
  }

  /** The action a stored code names; empty for a code this version does not know. */
  public static java.util.Optional<ApprovalAction> find(String code) {
    return java.util.Arrays.stream(values()).filter(action -> action.code.equals(code)).findFirst();
  }

  /** The label of a stored code; an unknown code is shown as it is. */
  public static String labelOf(String code) {
    return find(code).map(ApprovalAction::label).orElse(code);
  }
}
