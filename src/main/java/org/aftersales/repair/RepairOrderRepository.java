package org.aftersales.repair;

import java.util.Optional;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RepairOrderRepository extends JpaRepository<RepairOrder, Long> {

  Optional<RepairOrder> findByCaseNumber(String caseNumber);

  long countByUnitStatus(ReturnedUnit.Status status);
}
