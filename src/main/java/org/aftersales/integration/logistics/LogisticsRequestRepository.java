package org.aftersales.integration.logistics;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface LogisticsRequestRepository extends JpaRepository<LogisticsRequest, Long> {

  boolean existsByIdempotencyKey(String idempotencyKey);

  List<LogisticsRequest> findByTrackingNumberOrderById(String trackingNumber);
}
