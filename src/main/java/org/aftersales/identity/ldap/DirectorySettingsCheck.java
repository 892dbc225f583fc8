package org.aftersales.identity.ldap;

import java.util.Arrays;
import java.util.List;
import org.aftersales.identity.StartRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start the {@code ldap} profile without what it needs, naming it: the directory's address
 * and the bind password, which comes from the environment ({@code AFTERSALES_LDAP_PASSWORD}), never from
 * a file in the repository. Runs before any bean, as {@code AdminPasswordCheck} does.
 */
public class DirectorySettingsCheck implements EnvironmentPostProcessor, Ordered {

  public static final String PROFILE = "ldap";
  static final String PASSWORD_VARIABLE = "AFTERSALES_LDAP_PASSWORD";
  static final String URL_VARIABLE = "AFTERSALES_LDAP_URL";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    List<String> profiles = Arrays.asList(environment.getActiveProfiles());
    if (!profiles.contains(PROFILE)) {
      return;
    }
    if (profiles.contains("demo")) {
      throw new StartRefusedException("The ldap and demo profiles cannot be combined: the demo creates its users"
          + " in Camunda's tables, and under ldap users come from the directory (read-only).",
          "Start with ldap for directory logins, or with demo to try the demo users, not both.");
    }
    if (environment.getProperty("aftersales.ldap.server-url", "").isBlank()) {
      throw new StartRefusedException("The ldap profile is on but no directory is named.",
          "export " + URL_VARIABLE + "='ldaps://directory.example.com:636' (or set aftersales.ldap.server-url)"
              + " and start again; see docs/directory.md.");
    }
    boolean bindsAsManager = !environment.getProperty("aftersales.ldap.manager-dn", "").isBlank();
    if (bindsAsManager && environment.getProperty("aftersales.ldap.manager-password", "").isBlank()) {
      throw new MissingDirectoryPasswordException("The ldap profile is on but the directory bind password is not"
          + " set: the environment variable " + PASSWORD_VARIABLE + " is missing or empty (bind DN "
          + environment.getProperty("aftersales.ldap.manager-dn") + ").");
    }
  }

  /** With a local admin, that admin needs AFTERSALES_ADMIN_PASSWORD; without one, only the directory counts. */
  public static boolean needsAdminPassword(ConfigurableEnvironment environment) {
    return !Arrays.asList(environment.getActiveProfiles()).contains(PROFILE)
        || environment.getProperty("aftersales.ldap.local-admin", Boolean.class, true);
  }

  @Override
  public int getOrder() {
    // After the config data (application-*.yaml) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingDirectoryPasswordException extends StartRefusedException {
    public MissingDirectoryPasswordException(String message) {
      super(message, "export " + PASSWORD_VARIABLE + "='<the bind DN's password>' and start again (never put it in"
          + " a file of the repository).");
    }
  }
}
