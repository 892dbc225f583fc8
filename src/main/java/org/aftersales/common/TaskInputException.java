package org.aftersales.common;

import org.camunda.bpm.engine.BadUserRequestException;

/**
 * A task's submitted values that cannot be taken as sent (the field and why). Thrown by task
 * listeners and the delegates right after a task, it rolls the completion back: nothing is stored.
 */
public class TaskInputException extends BadUserRequestException {

  private final String field;

  public TaskInputException(String field, String message) {
    super(field + ": " + message);
    this.field = field;
  }

  public String field() {
    return field;
  }
}
