package org.aftersales.servicecase;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ServiceCaseRepository extends JpaRepository<ServiceCase, Long> {

  Optional<ServiceCase> findByCaseNumber(String caseNumber);

  boolean existsByCaseNumber(String caseNumber);
}
