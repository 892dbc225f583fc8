package org.aftersales.identity.ldap;

import org.aftersales.identity.StartRefusedException;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/**
 * The Operaton build's stand-in for the profile {@code ldap}: Operaton's LDAP plugin
 * ({@code operaton-identity-ldap}) is not served by this machine's Maven repository, so the directory
 * classes built on it are left out (tools/operaton/convert.sh, docs/engines.md), and a start with the
 * profile is refused rather than running on the local users without saying so.
 */
@Configuration
@Profile(DirectorySettingsCheck.PROFILE)
class DirectoryConfiguration {

  @Bean
  Object directoryIdentityPlugin() {
    throw new StartRefusedException(
        "Directory logins (profile ldap) are not part of this Operaton build: operaton-identity-ldap was not available when it was built.",
        "Start without the ldap profile, use the Camunda build, or build on a machine that serves org.operaton.bpm.identity:operaton-identity-ldap (docs/engines.md).");
  }
}
