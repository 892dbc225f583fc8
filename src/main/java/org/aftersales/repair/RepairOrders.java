package org.aftersales.repair;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The repair order of a case, within the engine's transaction. */
@Service
public class RepairOrders {

  private final RepairOrderRepository repository;

  public RepairOrders(RepairOrderRepository repository) {
    this.repository = repository;
  }

  /** The case's order, opened by the first step that needs it. */
  @Transactional(propagation = Propagation.MANDATORY)
  public RepairOrder of(String caseNumber) {
    return repository.findByCaseNumber(caseNumber).orElseGet(() -> repository.save(new RepairOrder(caseNumber)));
  }
}
