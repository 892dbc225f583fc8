package org.aftersales.identity.ldap;

import org.camunda.bpm.engine.impl.identity.IdentityProviderException;

/**
 * The company directory could not answer: not reachable, too slow, or it refused our bind. Logins and
 * identity lookups answer 503 with a message saying so ({@code security.DirectoryUnavailableFilter},
 * {@code enginerest.DirectoryUnavailableMapper}), never a 500 page.
 */
public class DirectoryUnavailableException extends IdentityProviderException {

  private static final long serialVersionUID = 1L;

  public DirectoryUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }

  /** This failure or one of its causes, when the directory was unavailable. */
  public static DirectoryUnavailableException in(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof DirectoryUnavailableException unavailable) {
        return unavailable;
      }
    }
    return null;
  }
}
