package org.aftersales.servicecase;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

  Optional<ServiceCase> findByCaseNumber(String caseNumber);

  boolean existsByCaseNumber(String caseNumber);

  /** The newest cases of a customer or of a unit (by serial number), for the case tab's history. */
  List<ServiceCase> findTop20ByCustomerIdOrSerialNumberOrderByOpenedAtDesc(String customerId, String serialNumber);
}
