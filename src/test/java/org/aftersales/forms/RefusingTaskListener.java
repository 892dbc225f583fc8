package org.aftersales.forms;

import org.aftersales.common.TaskInputException;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;

/** A listener of the form-validation IT's model that refuses, like our task listeners do, what the form allows. */
public class RefusingTaskListener implements TaskListener {

  @Override
  public void notify(DelegateTask task) {
    if ("refuse".equals(task.getVariable("note"))) {
      throw new TaskInputException("note", "Refused by the task listener");
    }
  }
}
