package org.aftersales.identity;

import org.aftersales.identity.AdminPasswordCheck.MissingAdminPasswordException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Prints the missing admin password as a one-paragraph start-up failure, not a stack trace. */
public class AdminPasswordFailureAnalyzer extends AbstractFailureAnalyzer<MissingAdminPasswordException> {

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, MissingAdminPasswordException cause) {
    return new FailureAnalysis(cause.getMessage(),
        "export " + AdminPasswordCheck.ENVIRONMENT_VARIABLE + "='<a secret of at least "
            + AdminPasswordCheck.MINIMUM_LENGTH + " characters>' and start again,"
            + " or start with --spring.profiles.active=demo.",
        cause);
  }
}
