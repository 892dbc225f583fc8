package org.aftersales.integration.finance;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface FinancePostingRepository extends JpaRepository<FinancePosting, Long> {

  Optional<FinancePosting> findByReference(String reference);

  List<FinancePosting> findByCaseNumberOrderById(String caseNumber);
}
