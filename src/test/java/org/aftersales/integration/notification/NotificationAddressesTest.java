package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** E-mail addresses and phone numbers in a customer contact as desks type it. */
class NotificationAddressesTest {

  @Test
  void findsTheEmailAddressInAContact() {
    assertThat(NotificationAddresses.emailIn("王经理 wang.li@film-studio.com.cn, 138 0013 8000")).hasValue("wang.li@film-studio.com.cn");
    assertThat(NotificationAddresses.emailIn("<it+service@acme.example>")).hasValue("it+service@acme.example");
    assertThat(NotificationAddresses.emailIn("王经理 13800138000")).isEmpty();
    assertThat(NotificationAddresses.emailIn("wang@localhost")).isEmpty();
    assertThat(NotificationAddresses.emailIn(null)).isEmpty();
  }

  @Test
  void findsThePhoneNumberInAContact() {
    assertThat(NotificationAddresses.phoneIn("王经理 138-0013-8000")).hasValue("13800138000");
    assertThat(NotificationAddresses.phoneIn("Ms. Chen, +86 139 1234 5678 (mobile)")).hasValue("+8613912345678");
    assertThat(NotificationAddresses.phoneIn("010-12345678")).hasValue("01012345678");
    // Digits in an e-mail address are not a phone number, nor are short numbers (an extension).
    assertThat(NotificationAddresses.phoneIn("user13800138000@example.com ext. 1234")).isEmpty();
    assertThat(NotificationAddresses.phoneIn("张先生")).isEmpty();
    assertThat(NotificationAddresses.phoneIn(null)).isEmpty();
  }
}
