package org.aftersales.bugloop;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ProductFeedbackRepository extends JpaRepository<ProductFeedback, Long> {

  List<ProductFeedback> findByCaseNumberOrderById(String caseNumber);
}
