package org.aftersales.servicecase;

/** Where a case stands, as the customer would be told. */
public enum CaseStatus {
  OPEN("open"),
  ACKNOWLEDGED("acknowledged"),
  IN_PROGRESS("in-progress"),
  RESOLVED("resolved"),
  CLOSED("closed");

  private final String code;

  CaseStatus(String code) {
    this.code = code;
  }

  public String code() {
    return code;
  }
}
