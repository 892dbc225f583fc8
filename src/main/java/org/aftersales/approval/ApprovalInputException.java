package org.aftersales.approval;

import org.camunda.bpm.engine.BadUserRequestException;

/** A decision or revision that cannot be taken as sent (the field and why); nothing is stored. */
public class ApprovalInputException extends BadUserRequestException {

  private final String field;

  public ApprovalInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
