package org.aftersales.returns;

import java.util.Optional;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ReturnOrderRepository extends JpaRepository<ReturnOrder, Long> {

  Optional<ReturnOrder> findByCaseNumber(String caseNumber);

  long countByUnitStatus(ReturnedUnit.Status status);
}
