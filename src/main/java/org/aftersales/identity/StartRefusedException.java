package org.aftersales.identity;

/** The application will not start as configured: what is wrong, and what to do about it. */
public class StartRefusedException extends IllegalStateException {

  private final String action;

  public StartRefusedException(String message, String action) {
    super(message);
    this.action = action;
  }

  public String action() {
    return action;
  }
}
