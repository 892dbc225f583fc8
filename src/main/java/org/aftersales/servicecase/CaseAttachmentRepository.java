package org.aftersales.servicecase;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseAttachmentRepository extends JpaRepository<CaseAttachment, Long> {

  List<CaseAttachment> findByCaseNumberOrderById(String caseNumber);

  Optional<CaseAttachment> findByIdAndCaseNumber(Long id, String caseNumber);

  long countByCaseNumber(String caseNumber);
}
