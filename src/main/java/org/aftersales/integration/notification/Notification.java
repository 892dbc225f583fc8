package org.aftersales.integration.notification;

/**
 * A message to a customer (recipient type {@code customer}, recipient the customer id),
 * to a staff group ({@code group}, the group id) or to one staff member ({@code user}, the user id), about a case,
 * with its subject and text in {@code language} (a BCP 47 tag: {@code zh-CN} or {@code en}).
 */
public record Notification(String caseNumber, String recipientType, String recipient, String kind,
    String subject, String message, String language) {

  public static final String CUSTOMER = "customer";
  public static final String GROUP = "group";
  public static final String USER = "user";
}
