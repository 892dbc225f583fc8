package org.aftersales.approval;

import org.aftersales.common.TaskInputException;

/** A decision or revision that cannot be taken as sent (the field and why); nothing is stored. */
public class ApprovalInputException extends TaskInputException {

  public ApprovalInputException(String field, String message) {
    super(field, message);
  }
}
