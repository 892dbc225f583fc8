package org.aftersales.servicecase;

import java.util.Optional;
import org.aftersales.integration.notification.CustomerContacts;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The contact a case's customer gave, for the notification channels that reach customers. */
@Component
class CaseContacts implements CustomerContacts {

  private final ServiceCaseRepository cases;

  CaseContacts(ServiceCaseRepository cases) {
    this.cases = cases;
  }

  @Override
  @Transactional(readOnly = true)
  public Optional<String> contact(String caseNumber) {
    return cases.findByCaseNumber(caseNumber).map(ServiceCase::getCustomerContact);
  }
}
