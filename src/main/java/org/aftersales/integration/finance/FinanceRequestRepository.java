package org.aftersales.integration.finance;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FinanceRequestRepository extends JpaRepository<FinanceRequest, Long> {

  boolean existsByIdempotencyKey(String idempotencyKey);

  List<FinanceRequest> findByReferenceOrderById(String reference);
}
