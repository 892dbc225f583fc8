package org.aftersales.integration.notification;

import java.util.Optional;

/** How to reach a case's customer: the contact given when the case was opened (implemented by the cases). */
public interface CustomerContacts {

  /** The case's customer contact as entered: a name, phone number and/or e-mail address. */
  Optional<String> contact(String caseNumber);
}
