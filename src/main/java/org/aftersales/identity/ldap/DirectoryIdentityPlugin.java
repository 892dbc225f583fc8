package org.aftersales.identity.ldap;

import static org.camunda.bpm.engine.authorization.Authorization.ANY;
import static org.camunda.bpm.engine.authorization.Authorization.AUTH_TYPE_GRANT;

import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.identity.StaffGroup;
import org.aftersales.identity.StartRefusedException;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Authorization;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resource;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.engine.impl.persistence.entity.UserEntity;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderFactory;
import org.camunda.bpm.identity.impl.ldap.plugin.LdapIdentityProviderPlugin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;

/**
 * Camunda's LDAP identity provider plugin, configured from {@code aftersales.ldap.*} (profile {@code ldap},
 * docs/directory.md), with our {@link DirectorySession}: directory groups mapped to ours, and the local
 * administrator ({@code aftersales.admin.user}, password from {@code AFTERSALES_ADMIN_PASSWORD}) kept in
 * Camunda's own tables so that someone can log in while the directory is down.
 *
 * <p>Ordered before the starter's {@code CreateAdminUserConfiguration}: that one would create the admin
 * through the identity service, which is read-only now; it finds the admin we create and leaves it.
 */
public class DirectoryIdentityPlugin extends LdapIdentityProviderPlugin implements Ordered {

  private static final Logger LOG = LoggerFactory.getLogger(DirectoryIdentityPlugin.class);
  static final String ADMINS_NAME = "camunda BPM Administrators";

  private final String adminUser;
  private final String adminPassword;
  private Map<String, List<String>> groupMapping = new LinkedHashMap<>();
  private boolean localAdmin = true;
  private Duration connectTimeout = Duration.ofSeconds(3);
  private Duration readTimeout = Duration.ofSeconds(10);
  private GroupMapping mapping;

  public DirectoryIdentityPlugin(String adminUser, String adminPassword) {
    this.adminUser = adminUser;
    this.adminPassword = adminPassword;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    mapping = GroupMapping.of(groupMapping);
    if (isUsePosixGroups()) {
      throw new StartRefusedException("aftersales.ldap.use-posix-groups is not supported by the group mapping.",
          "Use groups that list their members' DNs (groupOfNames, groupOfUniqueNames, Active Directory groups).");
    }
    Map<String, String> context = new HashMap<>(getContextProperties() == null ? Map.of() : getContextProperties());
    // A directory that is down must not hold a login for the operating system's TCP timeout.
    context.putIfAbsent("com.sun.jndi.ldap.connect.timeout", Long.toString(connectTimeout.toMillis()));
    context.putIfAbsent("com.sun.jndi.ldap.read.timeout", Long.toString(readTimeout.toMillis()));
    setContextProperties(context);
    super.preInit(configuration);
    LdapIdentityProviderFactory factory = new LdapIdentityProviderFactory() {
      @Override
      public Session openSession() {
        return new DirectorySession(DirectoryIdentityPlugin.this);
      }
    };
    factory.setLdapConfiguration(this);
    configuration.setIdentityProviderSessionFactory(factory);
    LOG.info("Identity from the directory {} (base {}); groups: {}; local administrator: {}", getServerUrl(),
        getBaseDn(), mapping, localAdmin ? adminUser : "none");
  }

  @Override
  public void postProcessEngineBuild(ProcessEngine engine) {
    if (localAdmin) {
      ensureLocalAdmin((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
      grantAdmins(engine.getAuthorizationService());
    } else {
      requireDirectoryAdmin(engine);
    }
  }

  /** The local admin, their group and their password as {@code AFTERSALES_ADMIN_PASSWORD} says at this start. */
  private void ensureLocalAdmin(ProcessEngineConfigurationImpl configuration) {
    configuration.getCommandExecutorTxRequired().execute(context -> {
      DbIdentityServiceProvider db = new DbIdentityServiceProvider();
      if (db.findGroupById(StaffGroup.ADMINS) == null) {
        GroupEntity group = db.createNewGroup(StaffGroup.ADMINS);
        group.setName(ADMINS_NAME);
        group.setType(GroupMapping.type(StaffGroup.ADMINS));
        db.saveGroup(group);
      }
      UserEntity user = db.findUserById(adminUser);
      if (user == null) {
        user = db.createNewUser(adminUser);
        user.setFirstName("Aftersales");
        user.setLastName("Administrator");
        user.setPassword(adminPassword);
        db.saveUser(user);
        LOG.info("Created the local administrator '{}' (Camunda's own tables, not the directory)", adminUser);
      } else if (!new DbReadOnlyIdentityServiceProvider().checkPassword(adminUser, adminPassword)) {
        // Identity is read-only under the directory, so Admin cannot change it: the environment decides.
        user.setPassword(adminPassword);
        db.saveUser(user);
        LOG.info("Set the local administrator's password from AFTERSALES_ADMIN_PASSWORD");
      }
      DbGroupQueryImpl membership = new DbGroupQueryImpl();
      membership.groupMember(adminUser).groupId(StaffGroup.ADMINS);
      if (db.findGroupCountByQueryCriteria(membership) == 0) {
        db.createMembership(adminUser, StaffGroup.ADMINS);
      }
      return null;
    });
  }

  /** As the starter grants the administrators when it creates its admin: everything. */
  private static void grantAdmins(AuthorizationService authorizations) {
    for (Resource resource : Resources.values()) {
      if (authorizations.createAuthorizationQuery().groupIdIn(StaffGroup.ADMINS).resourceType(resource)
          .resourceId(ANY).count() == 0) {
        Authorization grant = authorizations.createNewAuthorization(AUTH_TYPE_GRANT);
        grant.setGroupId(StaffGroup.ADMINS);
        grant.setResource(resource);
        grant.setResourceId(ANY);
        grant.addPermission(Permissions.ALL);
        authorizations.saveAuthorization(grant);
      }
    }
  }

  /** Without a local admin, {@code aftersales.admin.user} must be a directory user (the starter looks for it). */
  private void requireDirectoryAdmin(ProcessEngine engine) {
    User user;
    try {
      user = engine.getIdentityService().createUserQuery().userId(adminUser).singleResult();
    } catch (DirectoryUnavailableException e) {
      throw new StartRefusedException("The directory cannot be reached (" + e.getMessage() + ") and there is no"
          + " local administrator (aftersales.ldap.local-admin=false).",
          "Start when the directory answers, or set aftersales.ldap.local-admin=true and AFTERSALES_ADMIN_PASSWORD.");
    }
    if (user == null) {
      throw new StartRefusedException("With aftersales.ldap.local-admin=false the administrator '" + adminUser
          + "' (AFTERSALES_ADMIN_USER) must be a directory user, and the directory has no such user.",
          "Set AFTERSALES_ADMIN_USER to the directory user id of an administrator (a member of a directory group"
              + " mapped to camunda-admin), or set aftersales.ldap.local-admin=true.");
    }
  }

  /** The administrator kept in Camunda's own tables; null when there is none. */
  String localAdmin() {
    return localAdmin ? adminUser : null;
  }

  GroupMapping mapping() {
    return mapping;
  }

  @Override
  public int getOrder() {
    return -100;
  }

  public Map<String, List<String>> getGroupMapping() {
    return groupMapping;
  }

  public void setGroupMapping(Map<String, List<String>> groupMapping) {
    this.groupMapping = groupMapping;
  }

  public boolean isLocalAdmin() {
    return localAdmin;
  }

  public void setLocalAdmin(boolean localAdmin) {
    this.localAdmin = localAdmin;
  }

  public Duration getConnectTimeout() {
    return connectTimeout;
  }

  public void setConnectTimeout(Duration connectTimeout) {
    this.connectTimeout = connectTimeout;
  }

  public Duration getReadTimeout() {
    return readTimeout;
  }

  public void setReadTimeout(Duration readTimeout) {
    this.readTimeout = readTimeout;
  }
}
