package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.aftersales.AftersalesApplication;
import org.aftersales.identity.StartRefusedException;
import org.aftersales.integration.notification.NotificationSecretsCheck.MissingNotificationSettingException;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.mock.env.MockEnvironment;

/** A channel some notice kind uses, without its secret or server, stops the start and names what to set. */
class NotificationSecretsCheckTest {

  @Test
  void noChannelsNeedNothing() {
    assertThatCode(() -> NotificationSecretsCheck.check(new MockEnvironment())).doesNotThrowAnyException();
  }

  @Test
  void mailNeedsItsServerSenderAndThePasswordFromTheEnvironment() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("aftersales.notification.channels.default[0]", "mail");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment)).hasMessageContaining("spring.mail.host");

    environment.setProperty("spring.mail.host", "smtp.example.com");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment))
        .hasMessageContaining("aftersales.notification.mail.from");

    environment.setProperty("aftersales.notification.mail.from", "service@example.com");
    environment.setProperty("spring.mail.username", "service");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("AFTERSALES_MAIL_PASSWORD");

    environment.setProperty("spring.mail.password", "from-the-environment");
    assertThatCode(() -> NotificationSecretsCheck.check(environment)).doesNotThrowAnyException();
  }

  @Test
  void weComAndSmsNeedTheirKeys() {
    MockEnvironment environment = new MockEnvironment()
        .withProperty("aftersales.notification.channels.sla-warning[0]", "wecom")
        .withProperty("aftersales.notification.channels.repair-done[0]", "sms");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment)).hasMessageContaining("AFTERSALES_WECOM_KEY");

    environment.setProperty("AFTERSALES_WECOM_KEY", "robot-key");
    environment.setProperty("aftersales.notification.wecom.message-type", "news");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment))
        .hasMessageContaining("aftersales.notification.wecom.message-type");
    environment.setProperty("aftersales.notification.wecom.message-type", "markdown");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment))
        .hasMessageContaining("aftersales.notification.sms.url");

    environment.setProperty("aftersales.notification.sms.url", "https://sms.example.com/send");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(environment))
        .hasMessageContaining("AFTERSALES_SMS_API_KEY");

    environment.setProperty("aftersales.notification.sms.api-key", "sms-key");
    assertThatCode(() -> NotificationSecretsCheck.check(environment)).doesNotThrowAnyException();
  }

  @Test
  void aMistakenChannelOrAdapterStopsTheStart() {
    assertThatThrownBy(() -> NotificationSecretsCheck.check(new MockEnvironment()
        .withProperty("aftersales.notification.channels.default[0]", "email")))
        .hasMessageContaining("'email'");
    assertThatThrownBy(() -> NotificationSecretsCheck.check(new MockEnvironment()
        .withProperty("aftersales.integration.notification.adapter", "smtp")))
        .hasMessageContaining("embedded or http");
  }

  @Test
  void theApplicationRefusesToStartNamingTheVariable() {
    // Refused before any bean exists: no database, no engine is touched.
    assertThatThrownBy(() -> new SpringApplicationBuilder(AftersalesApplication.class)
            .run("--server.port=0", "--aftersales.admin.password=long-enough-secret",
                "--aftersales.notification.channels.sla-breach=wecom,mail", "--spring.mail.host=localhost",
                "--aftersales.notification.mail.from=service@example.com"))
        .isInstanceOf(MissingNotificationSettingException.class)
        .hasMessageContaining("AFTERSALES_WECOM_KEY")
        .satisfies(e -> assertThat(((StartRefusedException) e).action()).contains("export AFTERSALES_WECOM_KEY="));
  }
}
