package org.aftersales.bugloop;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface BugTicketRepository extends JpaRepository<BugTicket, Long> {

  Optional<BugTicket> findByTicketKey(String ticketKey);

  List<BugTicket> findByCaseNumberOrderById(String caseNumber);

  long countByCaseNumber(String caseNumber);
}
