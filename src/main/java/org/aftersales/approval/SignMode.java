package org.aftersales.approval;

/**
 * How the approvers of one step decide together. Counts are of the step's task instances
 * (approvers added during the step count too).
 */
public enum SignMode {
  /** One task offered to the step's candidates; whoever decides, decides. */
  SINGLE("single"),
  /** Countersign: everyone must approve; the first rejection rejects the step. */
  ALL("all"),
  /** Or-sign: the first decision, approval or rejection, decides the step. */
  ANY("any"),
  /** Approved once approvals reach the threshold share; rejected once that is out of reach. */
  RATIO("ratio");

  private final String code;

  SignMode(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }

  public static SignMode of(String code) {
    for (SignMode mode : values()) {
      if (mode.code.equals(code)) {
        return mode;
      }
    }
    throw new IllegalArgumentException("Unknown sign mode '" + code + "' (single, all, any, ratio)");
  }

  /** The step's outcome so far: "approved", "rejected", or null while undecided. */
  public String outcome(int instances, int approvals, int rejections, double ratio) {
    switch (this) {
      case ANY:
        if (approvals > 0) {
          return "approved";
        }
        return rejections > 0 ? "rejected" : null;
      case RATIO:
        // Exact comparison on integers: approvals / instances >= ratio, with a tolerance for
        // thresholds such as 2/3 that a double cannot hold exactly.
        if (approvals >= Math.ceil(ratio * instances - 1e-9)) {
          return "approved";
        }
        return instances - rejections < Math.ceil(ratio * instances - 1e-9) ? "rejected" : null;
      default:
        if (rejections > 0) {
          return "rejected";
        }
        return approvals >= instances ? "approved" : null;
    }
  }
}
