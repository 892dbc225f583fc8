package org.aftersales.refund;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RefundAdjustmentRepository extends JpaRepository<RefundAdjustment, Long> {

  long countByCaseNumber(String caseNumber);

  Optional<RefundAdjustment> findByCaseNumberAndAdjustmentId(String caseNumber, String adjustmentId);

  List<RefundAdjustment> findByCaseNumberOrderById(String caseNumber);
}
