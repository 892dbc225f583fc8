package org.aftersales.integration.logistics;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ShipmentRepository extends JpaRepository<Shipment, Long> {

  Optional<Shipment> findByTrackingNumber(String trackingNumber);

  List<Shipment> findByCaseNumberOrderById(String caseNumber);

  long countByCaseNumber(String caseNumber);
}
