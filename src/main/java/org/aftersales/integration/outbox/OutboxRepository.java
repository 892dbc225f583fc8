package org.aftersales.integration.outbox;

import java.time.Instant;
import java.util.List;
import org.aftersales.integration.outbox.OutboxMessage.Status;
import org.springframework.data.domain.Pageable;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface OutboxRepository extends JpaRepository<OutboxMessage, Long> {

  List<Status> OPEN = List.of(Status.PENDING, Status.SENDING);

  /** Messages due now: pending ones and those whose sender's lease ran out (a crashed node). */
  @Query("select m.id from OutboxMessage m where m.status in :open and m.nextAttemptAt <= :now"
      + " order by m.nextAttemptAt, m.id")
  List<Long> findDue(@Param("open") List<Status> open, @Param("now") Instant now, Pageable page);

  default List<Long> findDue(Instant now, Pageable page) {
    return findDue(OPEN, now, page);
  }

  /** Takes a message for sending; 0 when another node or thread took it first. */
  @Modifying
  @Query("update OutboxMessage m set m.status = :sending, m.attempts = m.attempts + 1,"
      + " m.nextAttemptAt = :leaseUntil, m.version = m.version + 1"
      + " where m.id = :id and m.status in :open and m.nextAttemptAt <= :now")
  int claim(@Param("id") long id, @Param("open") List<Status> open, @Param("sending") Status sending,
      @Param("now") Instant now, @Param("leaseUntil") Instant leaseUntil);

  default int claim(long id, Instant now, Instant leaseUntil) {
    return claim(id, OPEN, Status.SENDING, now, leaseUntil);
  }

  // The outcome of an attempt counts only while that attempt still holds the message: a
  // sender whose lease ran out (another node claimed it since) changes nothing.
  @Modifying
  @Query("update OutboxMessage m set m.status = :sent, m.sentAt = :now, m.lastError = null,"
      + " m.version = m.version + 1 where m.id = :id and m.attempts = :attempt and m.status = :sending")
  int markSent(@Param("id") long id, @Param("attempt") int attempt, @Param("sent") Status sent,
      @Param("sending") Status sending, @Param("now") Instant now);

  default int markSent(long id, int attempt, Instant now) {
    return markSent(id, attempt, Status.SENT, Status.SENDING, now);
  }

  @Modifying
  @Query("update OutboxMessage m set m.status = :status, m.nextAttemptAt = :next, m.lastError = :error,"
      + " m.version = m.version + 1 where m.id = :id and m.attempts = :attempt and m.status = :sending")
  int markFailed(@Param("id") long id, @Param("attempt") int attempt, @Param("status") Status status,
      @Param("sending") Status sending, @Param("next") Instant next, @Param("error") String error);

  default int markFailed(long id, int attempt, Status status, Instant next, String error) {
    return markFailed(id, attempt, status, Status.SENDING, next, error);
  }

  List<OutboxMessage> findByCaseNumberOrderById(String caseNumber);

  long countByStatus(Status status);
}
