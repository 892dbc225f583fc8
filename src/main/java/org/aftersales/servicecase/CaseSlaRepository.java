package org.aftersales.servicecase;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseSlaRepository extends JpaRepository<CaseSla, Long> {

  Optional<CaseSla> findByCaseNumberAndKind(String caseNumber, String kind);

  List<CaseSla> findByCaseNumberOrderById(String caseNumber);
}
