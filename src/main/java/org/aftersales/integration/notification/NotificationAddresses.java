package org.aftersales.integration.notification;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Component;

/**
 * Where a notification's recipient is reached: the customer by the e-mail address or phone
 * number in the case's contact, a staff member by the e-mail of their engine user, a group by
 * its members' e-mails. Read when the message is sent, so a corrected address counts on the retry.
 */
@Component
public class NotificationAddresses {

  private static final Pattern EMAIL = Pattern.compile("[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}");
  // A mobile number of mainland China (11 digits from 1[3-9]) or an international one (+ and 8-15 digits),
  // written with spaces or hyphens between the groups.
  private static final Pattern PHONE = Pattern.compile("(?<![\\d+])(\\+?\\d[\\d -]{6,18}\\d)(?!\\d)");

  private final IdentityService identityService;
  private final CustomerContacts customers;

  public NotificationAddresses(IdentityService identityService, CustomerContacts customers) {
    this.identityService = identityService;
    this.customers = customers;
  }

  /** The e-mail addresses the notification goes to; empty when the recipient has none. */
  public List<String> emails(Notification notification) {
    return switch (notification.recipientType()) {
      case Notification.CUSTOMER -> customerContact(notification).flatMap(NotificationAddresses::emailIn).stream().toList();
      case Notification.USER -> userEmails(identityService.createUserQuery().userId(notification.recipient()).list());
      case Notification.GROUP -> userEmails(identityService.createUserQuery().memberOfGroup(notification.recipient())
          .orderByUserId().asc().list());
      default -> List.of();
    };
  }

  /** The customer's phone number, for text messages. */
  public Optional<String> phone(Notification notification) {
    return Notification.CUSTOMER.equals(notification.recipientType())
        ? customerContact(notification).flatMap(NotificationAddresses::phoneIn)
        : Optional.empty();
  }

  private Optional<String> customerContact(Notification notification) {
    return notification.caseNumber() == null ? Optional.empty() : customers.contact(notification.caseNumber());
  }

  private static List<String> userEmails(List<User> users) {
    Set<String> emails = new LinkedHashSet<>();
    for (User user : users) {
      if (user.getEmail() != null && EMAIL.matcher(user.getEmail().trim()).matches()) {
        emails.add(user.getEmail().trim());
      }
    }
    return new ArrayList<>(emails);
  }

  /** The first e-mail address in a contact text such as {@code 王经理 wang@example.cn}. */
  public static Optional<String> emailIn(String contact) {
    if (contact == null) {
      return Optional.empty();
    }
    Matcher matcher = EMAIL.matcher(contact);
    return matcher.find() ? Optional.of(matcher.group()) : Optional.empty();
  }

  /**
   * The first phone number in a contact text, digits only (a leading + kept): {@code 138-0013-8000}
   * gives {@code 13800138000}. Digits inside an e-mail address are not a phone number.
   */
  public static Optional<String> phoneIn(String contact) {
    if (contact == null) {
      return Optional.empty();
    }
    Matcher matcher = PHONE.matcher(EMAIL.matcher(contact).replaceAll(" "));
    while (matcher.find()) {
      String number = matcher.group(1).replaceAll("[ -]", "");
      int digits = number.startsWith("+") ? number.length() - 1 : number.length();
      if (digits >= 8 && digits <= 15) {
        return Optional.of(number);
      }
    }
    return Optional.empty();
  }
}
