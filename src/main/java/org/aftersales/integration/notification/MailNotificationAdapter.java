package org.aftersales.integration.notification;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aftersales.integration.outbox.DeliveryRefusedException;
import org.aftersales.integration.outbox.OutboxPayloads;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.MailAuthenticationException;
import org.springframework.mail.MailException;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;

/**
 * Notices as e-mail through Spring Boot's {@link JavaMailSender} ({@code spring.mail.*}): the
 * notice's subject and text in the notification's language, UTF-8, to the recipient's addresses
 * ({@link NotificationAddresses}). The Message-ID is derived from the idempotency key, so should a
 * lost acknowledgement make the outbox send again, mail clients see the same message.
 *
 * <p>A server that cannot be reached, a 4xx answer or a failed login is retried by the outbox; a
 * recipient the server refuses for good (5xx) is not: the message is dead, with the refusal as its
 * error. When some of a group's addresses are refused, the others have their mail and it counts as
 * sent (sending again would give them a second one); the refused ones are logged.
 */
@Component
class MailNotificationAdapter extends ChannelAdapter {

  private static final Logger LOG = LoggerFactory.getLogger(MailNotificationAdapter.class);

  private final ObjectProvider<JavaMailSender> sender;
  private final NotificationAddresses addresses;
  private final NotificationProperties properties;

  MailNotificationAdapter(OutboxPayloads payloads, ObjectProvider<JavaMailSender> sender,
      NotificationAddresses addresses, NotificationProperties properties) {
    super(payloads);
    this.sender = sender;
    this.addresses = addresses;
    this.properties = properties;
  }

  @Override
  public String channel() {
    return NoticeChannels.MAIL;
  }

  @Override
  public void send(Notification notification, String idempotencyKey) throws Exception {
    List<String> to = addresses.emails(notification);
    if (to.isEmpty()) {
      LOG.warn("No e-mail address for {} {} of case {}: notice {} not sent by mail", notification.recipientType(),
          notification.recipient(), notification.caseNumber(), notification.kind());
      return;
    }
    JavaMailSender mail = sender.getIfAvailable();
    if (mail == null) {
      throw new IOException("No mail server configured (spring.mail.host)");
    }
    MimeMessage message = mail.createMimeMessage();
    MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
    helper.setFrom(properties.mail().from());
    helper.setTo(to.toArray(String[]::new));
    helper.setSubject(notification.subject());
    helper.setText(notification.message());
    message.setHeader("Content-Language", notification.language());
    // Kept by JavaMailSenderImpl when set before sending.
    message.setHeader("Message-ID", messageId(idempotencyKey));
    try {
      mail.send(message);
    } catch (MailAuthenticationException e) {
      throw new IOException("The mail server refused the login of spring.mail.username (password from"
          + " AFTERSALES_MAIL_PASSWORD): " + e.getMessage(), e);
    } catch (MailSendException e) {
      failed(notification, to, e);
    } catch (MailException e) {
      throw new DeliveryRefusedException("Mail to " + to + " cannot be written: " + e.getMessage());
    }
    LOG.info("Mail {} ({}) sent to {}", notification.kind(), idempotencyKey, to);
  }

  /** {@code <notification.mail.UUID@aftersales-flow>} for the key {@code notification:mail:UUID}. */
  static String messageId(String idempotencyKey) {
    return "<" + idempotencyKey.replaceAll("[^A-Za-z0-9-]", ".") + "@aftersales-flow>";
  }

  private static void failed(Notification notification, List<String> to, MailSendException e) throws IOException {
    Exception cause = e.getMessageExceptions().length > 0 ? e.getMessageExceptions()[0] : e;
    SendFailedException refused = find(cause);
    if (refused != null) {
      Address[] sent = refused.getValidSentAddresses();
      Address[] invalid = refused.getInvalidAddresses();
      if (sent != null && sent.length > 0) {
        LOG.error("Mail {} of case {} sent to {} but the server refused {}: {}", notification.kind(),
            notification.caseNumber(), Arrays.toString(sent), Arrays.toString(invalid), replies(refused));
        return;
      }
      if (permanent(refused)) {
        throw new DeliveryRefusedException("The mail server refused " + (invalid != null && invalid.length > 0
            ? Arrays.toString(invalid) : to) + " for good: " + replies(refused));
      }
    }
    throw new IOException("Mail to " + to + " not sent: " + (refused != null ? replies(refused) : cause.getMessage()),
        cause);
  }

  private static SendFailedException find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof SendFailedException sendFailed) {
        return sendFailed;
      }
    }
    return null;
  }

  /** The server's answers: 5xx for every refused address (or the message) is for good; 4xx is not. */
  private static boolean permanent(SendFailedException refused) {
    List<Integer> codes = codes(refused);
    return !codes.isEmpty() && codes.stream().allMatch(code -> code >= 500);
  }

  private static List<Integer> codes(SendFailedException refused) {
    List<Integer> codes = new ArrayList<>();
    for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e instanceof SMTPAddressFailedException address) {
        codes.add(address.getReturnCode());
      } else if (e instanceof SMTPSendFailedException send && send.getReturnCode() > 0) {
        codes.add(send.getReturnCode());
      }
    }
    return codes;
  }

  private static String replies(SendFailedException refused) {
    List<String> replies = new ArrayList<>();
    for (Exception e = refused; e != null; e = e instanceof MessagingException m ? m.getNextException() : null) {
      if (e.getMessage() != null && !e.getMessage().isBlank()) {
        replies.add(e.getMessage().trim());
      }
    }
    return String.join("; ", replies);
  }
}
