package org.aftersales.returns;

import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** The return order of a case, within the engine's transaction. */
@Service
public class ReturnOrders {

  private final ReturnOrderRepository repository;

  public ReturnOrders(ReturnOrderRepository repository) {
    this.repository = repository;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public ReturnOrder of(String caseNumber) {
    return repository.findByCaseNumber(caseNumber).orElseGet(() -> repository.save(new ReturnOrder(caseNumber)));
  }
}
