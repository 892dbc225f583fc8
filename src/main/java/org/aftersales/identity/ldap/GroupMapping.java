package org.aftersales.identity.ldap;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.aftersales.identity.StaffGroup;
import org.aftersales.identity.StartRefusedException;
import org.camunda.bpm.engine.authorization.Groups;

/**
 * Which directory groups make a person a member of which of our groups (DESIGN §3):
 * {@code aftersales.ldap.group-mapping.<our group id>} lists directory group ids (the value of
 * {@code group-id-attribute}, e.g. {@code cn}), such as {@code customer-service: [售后-客服]}. A directory
 * group may be listed under several of our groups; directory groups listed nowhere mean nothing here.
 */
public final class GroupMapping {

  public static final String PROPERTY = "aftersales.ldap.group-mapping";

  /** Our group id to the directory group ids that grant it, in configuration order. */
  private final Map<String, List<String>> toDirectory;
  /** Directory group id to our group ids. */
  private final Map<String, Set<String>> fromDirectory;

  private GroupMapping(Map<String, List<String>> toDirectory) {
    this.toDirectory = toDirectory;
    Map<String, Set<String>> reverse = new LinkedHashMap<>();
    toDirectory.forEach((ours, theirs) -> theirs.forEach(
        directoryGroup -> reverse.computeIfAbsent(key(directoryGroup), key -> new LinkedHashSet<>()).add(ours)));
    this.fromDirectory = reverse;
  }

  /** The mapping as configured; refuses the start for a group of ours that does not exist or no mapping at all. */
  public static GroupMapping of(Map<String, List<String>> configured) {
    Map<String, List<String>> mapping = new LinkedHashMap<>();
    Set<String> unknown = new TreeSet<>();
    configured.forEach((ours, theirs) -> {
      if (!ourGroupIds().contains(ours)) {
        unknown.add(ours);
        return;
      }
      List<String> names = theirs == null ? List.of()
          : theirs.stream().map(String::trim).filter(name -> !name.isEmpty()).distinct().toList();
      if (!names.isEmpty()) {
        mapping.put(ours, names);
      }
    });
    if (!unknown.isEmpty()) {
      throw new StartRefusedException(PROPERTY + " names " + unknown + ", which are not groups of this application.",
          "Use the group ids " + ourGroupIds() + " as keys under " + PROPERTY
              + " (the directory's group names are the values), then start again.");
    }
    if (mapping.isEmpty()) {
      throw new StartRefusedException("The ldap profile is on but " + PROPERTY + " maps no directory group to a group"
          + " of this application, so no directory user could work in it.",
          "Map the directory groups of your staff under " + PROPERTY + ", e.g. customer-service: [售后-客服]"
              + " (docs/directory.md), then start again.");
    }
    return new GroupMapping(mapping);
  }

  /** The group ids a mapping may name: the staff groups, auditors and the administrators. */
  public static List<String> ourGroupIds() {
    List<String> ids = new ArrayList<>(StaffGroup.ids());
    ids.add(StaffGroup.AUDITORS);
    ids.add(StaffGroup.ADMINS);
    return ids;
  }

  /** Directory group ids that grant any of these groups of ours; all mapped directory groups for null. */
  public Set<String> directoryGroups(Collection<String> ourIds) {
    Set<String> result = new LinkedHashSet<>();
    if (ourIds == null) {
      toDirectory.values().forEach(result::addAll);
    } else {
      ourIds.forEach(id -> result.addAll(toDirectory.getOrDefault(id, List.of())));
    }
    return result;
  }

  /** Our group ids that this directory group grants; empty for a directory group the mapping does not name. */
  public Set<String> ourGroups(String directoryGroup) {
    return directoryGroup == null ? Set.of() : fromDirectory.getOrDefault(key(directoryGroup), Set.of());
  }

  /** Directory names compare without case, as LDAP compares cn. */
  private static String key(String directoryGroup) {
    return directoryGroup.trim().toLowerCase(Locale.ROOT);
  }

  /** Our groups' names as the default profile seeds them, so Tasklist shows a directory group as it shows ours. */
  public static String name(String ourId) {
    if (StaffGroup.AUDITORS.equals(ourId)) {
      return StaffGroup.AUDITORS_NAME;
    }
    if (StaffGroup.ADMINS.equals(ourId)) {
      return "camunda BPM Administrators";
    }
    for (StaffGroup group : StaffGroup.values()) {
      if (group.id().equals(ourId)) {
        return group.displayName();
      }
    }
    return ourId;
  }

  public static String type(String ourId) {
    return StaffGroup.ADMINS.equals(ourId) ? Groups.GROUP_TYPE_SYSTEM : Groups.GROUP_TYPE_WORKFLOW;
  }

  @Override
  public String toString() {
    return toDirectory.toString();
  }
}
