package org.aftersales.integration.rnd;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface RndRequestRepository extends JpaRepository<RndRequest, Long> {

  boolean existsByIdempotencyKey(String idempotencyKey);

  List<RndRequest> findByTicketKeyOrderById(String ticketKey);
}
