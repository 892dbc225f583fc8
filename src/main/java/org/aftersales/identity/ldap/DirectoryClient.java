package org.aftersales.identity.ldap;

import org.camunda.bpm.identity.impl.ldap.LdapClient;
import org.camunda.bpm.identity.impl.ldap.LdapConfiguration;

/** The plugin's LDAP client, with its connect step reachable from our session (it is package-private there). */
class DirectoryClient extends LdapClient {

  DirectoryClient(LdapConfiguration configuration) {
    super(configuration);
  }

  /** Binds with the manager DN once per session. */
  void connect() {
    ensureContextInitialized();
  }
}
