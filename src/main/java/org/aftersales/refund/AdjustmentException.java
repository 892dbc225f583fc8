package org.aftersales.refund;

import org.aftersales.common.TaskInputException;

/** Figures that make no adjustment, with the form field to correct; rolls the task completion back. */
public class AdjustmentException extends TaskInputException {

  public AdjustmentException(String field, String message) {
    super(field, message);
  }
}
