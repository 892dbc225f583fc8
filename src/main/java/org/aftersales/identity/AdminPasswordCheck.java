package org.aftersales.identity;

import java.util.Arrays;
import org.aftersales.identity.ldap.DirectorySettingsCheck;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;

/**
 * Refuses to start without an admin password outside the demo profile. It runs before
 * any bean exists: the engine creates the admin user once, so a start with an empty
 * password must never reach it.
 */
public class AdminPasswordCheck implements EnvironmentPostProcessor, Ordered {

  static final String PROPERTY = "aftersales.admin.password";
  static final String ENVIRONMENT_VARIABLE = "AFTERSALES_ADMIN_PASSWORD";
  static final int MINIMUM_LENGTH = 8;

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    boolean demo = Arrays.asList(environment.getActiveProfiles()).contains("demo");
    String password = environment.getProperty(PROPERTY, "");
    if (demo || !DirectorySettingsCheck.needsAdminPassword(environment)) {
      return;
    }
    if (password.isBlank()) {
      throw new MissingAdminPasswordException(
          "No admin password is set. Set the environment variable " + ENVIRONMENT_VARIABLE
              + " (or the property " + PROPERTY + ") before starting, or run with the 'demo' profile"
              + " to try the application with its demo users.");
    }
    if (password.length() < MINIMUM_LENGTH) {
      throw new MissingAdminPasswordException(
          "The admin password from " + ENVIRONMENT_VARIABLE + " is shorter than " + MINIMUM_LENGTH
              + " characters. Set a longer one.");
    }
  }

  @Override
  public int getOrder() {
    // After the config data (application-*.yaml) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingAdminPasswordException extends StartRefusedException {
    public MissingAdminPasswordException(String message) {
      super(message, "export " + ENVIRONMENT_VARIABLE + "='<a secret of at least " + MINIMUM_LENGTH
          + " characters>' and start again, or start with --spring.profiles.active=demo.");
    }
  }
}
