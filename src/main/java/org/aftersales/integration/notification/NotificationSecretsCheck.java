package org.aftersales.integration.notification;

import java.util.Set;
import org.aftersales.identity.StartRefusedException;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.env.EnvironmentPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.env.Environment;

/**
 * Refuses to start when a notification channel that some notice kind uses lacks what it needs,
 * naming the setting: a secret (SMTP password, WeCom robot key, SMS API key) comes from the
 * environment only, so a missing one is said as the environment variable to set. Runs before any
 * bean exists, like the admin password check.
 */
public class NotificationSecretsCheck implements EnvironmentPostProcessor, Ordered {

  static final String MAIL_PASSWORD = "AFTERSALES_MAIL_PASSWORD";
  static final String SMS_API_KEY = "AFTERSALES_SMS_API_KEY";

  @Override
  public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
    check(environment);
  }

  static void check(Environment environment) {
    String adapter = environment.getProperty("aftersales.integration.notification.adapter", NoticeChannels.EMBEDDED);
    if (!Set.of(NoticeChannels.EMBEDDED, NoticeChannels.HTTP).contains(adapter.trim())) {
      throw refused("aftersales.integration.notification.adapter is '" + adapter + "'; it must be embedded or http.",
          "set aftersales.integration.notification.adapter to embedded or http.");
    }
    NotificationProperties properties = Binder.get(environment).bind("aftersales.notification", NotificationProperties.class)
        .orElseGet(() -> new NotificationProperties(null, null, null, null));
    NoticeChannels channels = new NoticeChannels(properties.channels(), adapter);
    String problem = channels.problem();
    if (problem != null) {
      throw refused(problem, "correct aftersales.notification.channels (docs/notifications.md).");
    }
    Set<String> used = channels.used();
    if (used.contains(NoticeChannels.MAIL)) {
      require(environment, "spring.mail.host", "the mail channel needs the SMTP server", "SPRING_MAIL_HOST");
      require(environment, "aftersales.notification.mail.from", "the mail channel needs a sender address",
          "AFTERSALES_NOTIFICATION_MAIL_FROM");
      if (!blank(environment.getProperty("spring.mail.username")) && blank(environment.getProperty("spring.mail.password"))) {
        throw secretMissing("mail", MAIL_PASSWORD, "the SMTP password of spring.mail.username");
      }
    }
    if (used.contains(NoticeChannels.WECOM)) {
      if (blank(environment.getProperty(WeComNotificationAdapter.DEFAULT_KEY))) {
        throw secretMissing("wecom", WeComNotificationAdapter.DEFAULT_KEY, "the webhook key of the default group robot");
      }
      if (!Set.of("text", "markdown").contains(properties.wecom().messageType())) {
        throw refused("aftersales.notification.wecom.message-type is '" + properties.wecom().messageType()
            + "'; it must be text or markdown.", "set aftersales.notification.wecom.message-type to text or markdown.");
      }
    }
    if (used.contains(NoticeChannels.SMS)) {
      require(environment, "aftersales.notification.sms.url", "the sms channel needs the gateway's URL",
          "AFTERSALES_NOTIFICATION_SMS_URL");
      if (blank(environment.getProperty("aftersales.notification.sms.api-key"))) {
        throw secretMissing("sms", SMS_API_KEY, "the SMS gateway's API key");
      }
    }
  }

  private static void require(Environment environment, String property, String what, String variable) {
    if (blank(environment.getProperty(property))) {
      throw refused("Notices go out by " + what + " but " + property + " is not set.",
          "set " + property + " (or the environment variable " + variable + ") and start again, or take the channel"
              + " out of aftersales.notification.channels.");
    }
  }

  private static StartRefusedException secretMissing(String channel, String variable, String what) {
    return refused("Notices go out on the " + channel + " channel (aftersales.notification.channels) but the"
            + " environment variable " + variable + " (" + what + ") is not set.",
        "export " + variable + "='<" + what + ">' and start again, or take " + channel
            + " out of aftersales.notification.channels.");
  }

  private static StartRefusedException refused(String message, String action) {
    return new MissingNotificationSettingException(message, action);
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }

  @Override
  public int getOrder() {
    // After the config data (application-*.yaml) has been loaded.
    return Ordered.LOWEST_PRECEDENCE;
  }

  public static class MissingNotificationSettingException extends StartRefusedException {
    public MissingNotificationSettingException(String message, String action) {
      super(message, action);
    }
  }
}
