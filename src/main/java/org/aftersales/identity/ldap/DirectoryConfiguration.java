package org.aftersales.identity.ldap;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Profile;

/** Profile {@code ldap}: staff log in with their directory accounts (docs/directory.md). */
@Configuration
@Profile(DirectorySettingsCheck.PROFILE)
class DirectoryConfiguration {

  /** The plugin's own settings (server-url, base-dn, user-search-filter ...) and ours, from aftersales.ldap.*. */
  @Bean
  @ConfigurationProperties("aftersales.ldap")
  DirectoryIdentityPlugin directoryIdentityPlugin(@Value("${aftersales.admin.user}") String adminUser,
      @Value("${aftersales.admin.password:}") String adminPassword) {
    return new DirectoryIdentityPlugin(adminUser, adminPassword);
  }
}
