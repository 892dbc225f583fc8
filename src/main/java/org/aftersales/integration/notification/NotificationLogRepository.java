package org.aftersales.integration.notification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface NotificationLogRepository extends JpaRepository<NotificationLogEntry, Long> {

  boolean existsByIdempotencyKey(String idempotencyKey);

  List<NotificationLogEntry> findByCaseNumberOrderById(String caseNumber);
}
