package org.aftersales.common;

import org.camunda.bpm.engine.delegate.VariableScope;

/** Reading process variables whatever process they belong to. */
public final class Variables {

  private Variables() {
  }

  /** The variable as text, or null when it is not set. */
  public static String string(VariableScope scope, String name) {
    Object value = scope.getVariable(name);
    return value == null ? null : value.toString();
  }
}
