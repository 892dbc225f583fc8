package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Which channels a notice goes out on, by its kind and recipient. */
class NoticeChannelsTest {

  @Test
  void withoutChannelsEveryNoticeGoesToTheAdapter() {
    NoticeChannels channels = new NoticeChannels(Map.of(), "http");

    assertThat(channels.forNotice("sla-warning", Notification.GROUP)).containsExactly("http");
    assertThat(channels.forNotice("acknowledgement", Notification.CUSTOMER)).containsExactly("http");
    assertThat(channels.outboxType("http")).isEqualTo(Notifications.TYPE);
    assertThat(channels.problem()).isNull();
  }

  @Test
  void aKindsOwnChannelsComeBeforeTheDefault() {
    NoticeChannels channels = new NoticeChannels(Map.of(
        "default", List.of("embedded", "mail"),
        "sla-breach", List.of("wecom", " mail ", "wecom")), "embedded");

    assertThat(channels.forNotice("sla-breach", Notification.GROUP)).containsExactly("wecom", "mail");
    assertThat(channels.forNotice("repair-done", Notification.CUSTOMER)).containsExactly("embedded", "mail");
    assertThat(channels.used()).containsExactlyInAnyOrder("embedded", "mail", "wecom");
    assertThat(channels.outboxType("mail")).isEqualTo("notification.mail");
    assertThat(channels.outboxType("embedded")).isEqualTo("notification.send");
  }

  @Test
  void channelsThatCannotReachTheRecipientAreLeftOut() {
    NoticeChannels channels = new NoticeChannels(Map.of(
        "default", List.of("mail", "sms", "wecom"),
        "survey", List.of("wecom")), "embedded");

    assertThat(channels.forNotice("acknowledgement", Notification.CUSTOMER)).containsExactly("mail", "sms");
    assertThat(channels.forNotice("sla-warning", Notification.GROUP)).containsExactly("mail", "wecom");
    assertThat(channels.forNotice("approval-reminder", Notification.USER)).containsExactly("mail", "wecom");
    // WeCom robots do not reach customers: the notice goes to the adapter rather than nowhere.
    assertThat(channels.forNotice("survey", Notification.CUSTOMER)).containsExactly("embedded");
  }

  @Test
  void namesAMistakeInTheChannels() {
    assertThat(new NoticeChannels(Map.of("sla-warning", List.of("wechat")), "embedded").problem())
        .contains("aftersales.notification.channels.sla-warning", "'wechat'");
    assertThat(new NoticeChannels(Map.of("default", List.of("http", "mail")), "embedded").problem())
        .contains("'http'", "aftersales.integration.notification.adapter is 'embedded'");
  }
}
