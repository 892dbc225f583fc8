package org.aftersales.identity.ldap;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import javax.naming.NameNotFoundException;
import javax.naming.NamingEnumeration;
import javax.naming.NamingException;
import javax.naming.directory.Attribute;
import javax.naming.directory.SearchResult;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.GroupQueryProperty;
import org.camunda.bpm.engine.impl.QueryOrderingProperty;
import org.camunda.bpm.engine.impl.identity.IdentityProviderException;
import org.camunda.bpm.engine.impl.identity.db.DbGroupQueryImpl;
import org.camunda.bpm.engine.impl.identity.db.DbReadOnlyIdentityServiceProvider;
import org.camunda.bpm.engine.impl.identity.db.DbUserQueryImpl;
import org.camunda.bpm.engine.impl.persistence.entity.GroupEntity;
import org.camunda.bpm.identity.impl.ldap.LdapGroupQuery;
import org.camunda.bpm.identity.impl.ldap.LdapIdentityProviderSession;
import org.camunda.bpm.identity.impl.ldap.LdapSearchResults;
import org.camunda.bpm.identity.impl.ldap.LdapUserQueryImpl;

/**
 * Camunda's LDAP identity provider with two changes: groups are ours ({@link GroupMapping}: a directory
 * group becomes the groups of ours it is mapped to, wherever the engine asks, for logins, authorization
 * checks and Tasklist's candidate groups alike), and the local administrator, when there is one, is
 * read from Camunda's own tables so that they can log in while the directory is down. A directory that
 * cannot answer is a {@link DirectoryUnavailableException}.
 */
class DirectorySession extends LdapIdentityProviderSession {

  private final DirectoryIdentityPlugin settings;
  private final GroupMapping mapping;
  private final DirectoryClient client;
  private final DbReadOnlyIdentityServiceProvider local = new DbReadOnlyIdentityServiceProvider();

  DirectorySession(DirectoryIdentityPlugin settings) {
    super(settings);
    this.settings = settings;
    this.mapping = settings.mapping();
    this.client = new DirectoryClient(settings);
    this.ldapClient = client;
  }

  // Users //////////////////////////////////////////////////////////

  @Override
  public List<User> findUserByQueryCriteria(LdapUserQueryImpl query) {
    if (isLocalAdmin(query.getId())) {
      return localUsers(query.getGroupId());
    }
    List<User> users = new ArrayList<>(directory(() -> super.findUserByQueryCriteria(query)));
    if (query.getId() == null && query.getIds() != null && Arrays.asList(query.getIds()).contains(settings.localAdmin())) {
      users.removeIf(user -> isLocalAdmin(user.getId()));
      users.addAll(localUsers(query.getGroupId()));
    }
    return users;
  }

  @Override
  public long findUserCountByQueryCriteria(LdapUserQueryImpl query) {
    return findUserByQueryCriteria(query).size();
  }

  /** Members of one of our groups: the members of every directory group mapped to it (and the local admin). */
  @Override
  protected List<User> findUsersByGroupId(LdapUserQueryImpl query) {
    Map<String, User> users = new LinkedHashMap<>();
    Set<String> directoryGroups = mapping.directoryGroups(List.of(query.getGroupId()));
    if (!directoryGroups.isEmpty()) {
      client.connect();
      for (String member : members(directoryGroups)) {
        for (User user : memberEntry(query, member)) {
          if (!isLocalAdmin(user.getId())) {
            users.putIfAbsent(user.getId(), user);
          }
        }
      }
    }
    if (settings.localAdmin() != null && (query.getId() == null || isLocalAdmin(query.getId()))) {
      localUsers(query.getGroupId()).forEach(user -> users.putIfAbsent(user.getId(), user));
    }
    List<User> sorted = new ArrayList<>(users.values());
    sorted.sort(Comparator.comparing(User::getId));
    return page(sorted, query.getFirstResult(), query.getMaxResults());
  }

  private Set<String> members(Set<String> directoryGroups) {
    String groupBaseDn = composeDn(settings.getGroupSearchBase(), settings.getBaseDn());
    String filter = "(&" + settings.getGroupSearchFilter() + anyOf(settings.getGroupIdAttribute(), directoryGroups) + ")";
    Set<String> members = new LinkedHashSet<>();
    try (LdapSearchResults results = client.search(groupBaseDn, filter)) {
      while (results.hasMoreElements()) {
        members.addAll(values(results.nextElement(), settings.getGroupMemberAttribute()));
      }
    }
    return members;
  }

  /** The member's entry if it is a user the user search finds (a disabled account is not). */
  private List<User> memberEntry(LdapUserQueryImpl query, String memberDn) {
    try {
      return findUsersWithoutGroupId(query, memberDn, true);
    } catch (IdentityProviderException e) {
      if (e.getCause() instanceof NameNotFoundException) {
        return List.of(); // a member that no longer exists
      }
      throw e;
    }
  }

  private List<User> localUsers(String groupId) {
    DbUserQueryImpl query = new DbUserQueryImpl();
    query.userId(settings.localAdmin());
    if (groupId != null) {
      query.memberOfGroup(groupId);
    }
    return local.findUserByQueryCriteria(query);
  }

  @Override
  public boolean checkPassword(String userId, String password) {
    if (isLocalAdmin(userId)) {
      return local.checkPassword(userId, password);
    }
    return directory(() -> super.checkPassword(userId, password));
  }

  // Groups /////////////////////////////////////////////////////////

  @Override
  public List<Group> findGroupByQueryCriteria(LdapGroupQuery query) {
    if (query.getTenantId() != null) {
      return List.of();
    }
    if (isLocalAdmin(query.getUserId())) {
      return localGroups(query);
    }
    return directory(() -> directoryGroups(query));
  }

  @Override
  public long findGroupCountByQueryCriteria(LdapGroupQuery query) {
    return findGroupByQueryCriteria(query).size();
  }

  private List<Group> directoryGroups(LdapGroupQuery query) {
    Set<String> wanted = wantedIds(query);
    Set<String> directoryIds = mapping.directoryGroups(wanted);
    if (directoryIds.isEmpty()) {
      return List.of();
    }
    client.connect();
    String memberFilter = "";
    if (query.getUserId() != null) {
      String userDn = getDnForUser(query.getUserId());
      if (userDn.isEmpty()) {
        return List.of(); // not a (enabled) directory user
      }
      memberFilter = "(" + settings.getGroupMemberAttribute() + "=" + escapeLDAPSearchFilter(userDn) + ")";
    }
    String groupBaseDn = composeDn(settings.getGroupSearchBase(), settings.getBaseDn());
    String filter = "(&" + settings.getGroupSearchFilter() + anyOf(settings.getGroupIdAttribute(), directoryIds)
        + memberFilter + ")";
    Set<String> ours = new LinkedHashSet<>();
    try (LdapSearchResults results = client.search(groupBaseDn, filter)) {
      while (results.hasMoreElements()) {
        values(results.nextElement(), settings.getGroupIdAttribute()).forEach(id -> ours.addAll(mapping.ourGroups(id)));
      }
    }
    Pattern nameLike = query.getNameLike() == null ? null : like(query.getNameLike());
    List<Group> groups = new ArrayList<>();
    for (String id : ours) {
      GroupEntity group = new GroupEntity(id);
      group.setName(GroupMapping.name(id));
      group.setType(GroupMapping.type(id));
      if ((wanted == null || wanted.contains(id))
          && (query.getName() == null || query.getName().equals(group.getName()))
          && (nameLike == null || nameLike.matcher(group.getName()).matches())
          && (query.getType() == null || query.getType().equals(group.getType()))
          && isAuthorizedToReadGroup(id)) {
        groups.add(group);
      }
    }
    groups.sort(order(query));
    return page(groups, query.getFirstResult(), query.getMaxResults());
  }

  private List<Group> localGroups(LdapGroupQuery query) {
    DbGroupQueryImpl db = new DbGroupQueryImpl();
    db.groupMember(query.getUserId());
    if (query.getId() != null) {
      db.groupId(query.getId());
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      db.groupIdIn(query.getIds());
    }
    if (query.getName() != null) {
      db.groupName(query.getName());
    }
    if (query.getNameLike() != null) {
      db.groupNameLike(query.getNameLike());
    }
    if (query.getType() != null) {
      db.groupType(query.getType());
    }
    return local.findGroupByQueryCriteria(db);
  }

  private static Set<String> wantedIds(LdapGroupQuery query) {
    Set<String> wanted = null;
    if (query.getId() != null) {
      wanted = new LinkedHashSet<>(List.of(query.getId()));
    }
    if (query.getIds() != null && query.getIds().length > 0) {
      Set<String> ids = new LinkedHashSet<>(Arrays.asList(query.getIds()));
      if (wanted == null) {
        wanted = ids;
      } else {
        wanted.retainAll(ids);
      }
    }
    return wanted;
  }

  private static Comparator<Group> order(LdapGroupQuery query) {
    for (QueryOrderingProperty ordering : query.getOrderingProperties()) {
      if (GroupQueryProperty.NAME.getName().equals(ordering.getQueryProperty().getName())) {
        return Comparator.comparing(Group::getName);
      }
    }
    return Comparator.comparing(Group::getId);
  }

  // Helpers ////////////////////////////////////////////////////////

  private boolean isLocalAdmin(String userId) {
    return userId != null && userId.equals(settings.localAdmin());
  }

  /** Runs a directory call; its failures (unreachable, timed out, our bind refused) are the directory's. */
  private <T> T directory(Supplier<T> call) {
    try {
      return call.get();
    } catch (DirectoryUnavailableException e) {
      throw e;
    } catch (IdentityProviderException e) {
      throw new DirectoryUnavailableException("The directory " + settings.getServerUrl() + " cannot be used: "
          + e.getMessage() + (e.getCause() == null ? "" : " (" + e.getCause() + ")"), e);
    }
  }

  private String anyOf(String attribute, Collection<String> values) {
    StringBuilder filter = new StringBuilder("(|");
    for (String value : values) {
      filter.append('(').append(attribute).append('=').append(escapeLDAPSearchFilter(value)).append(')');
    }
    return filter.append(')').toString();
  }

  private static List<String> values(SearchResult result, String attributeName) {
    List<String> values = new ArrayList<>();
    Attribute attribute = result.getAttributes() == null ? null : result.getAttributes().get(attributeName);
    if (attribute == null) {
      return values;
    }
    try {
      NamingEnumeration<?> all = attribute.getAll();
      while (all.hasMore()) {
        values.add(String.valueOf(all.next()));
      }
    } catch (NamingException e) {
      throw new IdentityProviderException("Could not read attribute " + attributeName, e);
    }
    return values;
  }

  /** A query's {@code Like} pattern ({@code %} any text) as a regular expression. */
  static Pattern like(String pattern) {
    StringBuilder regex = new StringBuilder();
    for (char c : pattern.toCharArray()) {
      regex.append(c == '%' || c == '*' ? ".*" : Pattern.quote(String.valueOf(c)));
    }
    return Pattern.compile(regex.toString(), Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE);
  }

  private static <T> List<T> page(List<T> all, int firstResult, int maxResults) {
    if (firstResult >= all.size()) {
      return List.of();
    }
    long end = Math.min(all.size(), (long) firstResult + Math.max(0, maxResults));
    return new ArrayList<>(all.subList(firstResult, (int) end));
  }
}
