package org.aftersales.integration.notification;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which channels a notice goes out on: those configured for its kind
 * ({@code aftersales.notification.channels.<kind>}, else {@code .default}, else the adapter
 * {@code aftersales.integration.notification.adapter}) that reach its recipient. WeCom robots
 * reach teams and staff, not customers; SMS reaches customers only (staff have no phone number
 * in the engine's user table). A notice none of whose channels reach its recipient goes to the
 * adapter, so it is never dropped unseen.
 */
public final class NoticeChannels {

  public static final String EMBEDDED = "embedded";
  public static final String HTTP = "http";
  public static final String MAIL = "mail";
  public static final String WECOM = "wecom";
  public static final String SMS = "sms";
  public static final Set<String> ALL = Set.of(EMBEDDED, HTTP, MAIL, WECOM, SMS);

  private final Map<String, List<String>> byKind;
  private final String adapter;

  public NoticeChannels(Map<String, List<String>> byKind, String adapter) {
    this.adapter = adapter == null || adapter.isBlank() ? EMBEDDED : adapter.trim();
    Map<String, List<String>> cleaned = new LinkedHashMap<>();
    byKind.forEach((kind, channels) -> cleaned.put(kind, channels.stream().map(String::trim)
        .filter(channel -> !channel.isEmpty()).distinct().toList()));
    this.byKind = cleaned;
  }

  /** The channel of the port adapter: {@code embedded} or {@code http}. */
  public String adapter() {
    return adapter;
  }

  /** The channels the notice of {@code kind} to a recipient of {@code recipientType} goes out on. */
  public List<String> forNotice(String kind, String recipientType) {
    List<String> configured = byKind.getOrDefault(kind, byKind.getOrDefault(NotificationProperties.DEFAULT, List.of()));
    List<String> reaching = new ArrayList<>();
    for (String channel : configured.isEmpty() ? List.of(adapter) : configured) {
      if (reaches(channel, recipientType)) {
        reaching.add(channel);
      }
    }
    return reaching.isEmpty() ? List.of(adapter) : reaching;
  }

  /** Every channel some kind names (the adapter always). */
  public Set<String> used() {
    Set<String> used = new LinkedHashSet<>();
    used.add(adapter);
    byKind.values().forEach(used::addAll);
    return used;
  }

  /**
   * What is wrong with the configuration, or null: a channel name that does not exist, or the
   * adapter channel that is not the configured adapter.
   */
  public String problem() {
    for (Map.Entry<String, List<String>> entry : byKind.entrySet()) {
      for (String channel : entry.getValue()) {
        String property = "aftersales.notification.channels." + entry.getKey();
        if (!ALL.contains(channel)) {
          return property + " names the channel '" + channel + "'; channels are embedded, http, mail, wecom, sms.";
        }
        if ((EMBEDDED.equals(channel) || HTTP.equals(channel)) && !channel.equals(adapter)) {
          return property + " names the channel '" + channel + "' but aftersales.integration.notification.adapter is '"
              + adapter + "'; name '" + adapter + "' or change the adapter.";
        }
      }
    }
    return null;
  }

  static boolean reaches(String channel, String recipientType) {
    return switch (channel) {
      case WECOM -> Notification.GROUP.equals(recipientType) || Notification.USER.equals(recipientType);
      case SMS -> Notification.CUSTOMER.equals(recipientType);
      default -> true;
    };
  }

  /** The outbox message type of a channel: the adapter keeps {@code notification.send}. */
  public String outboxType(String channel) {
    return channel.equals(adapter) ? Notifications.TYPE : "notification." + channel;
  }
}
