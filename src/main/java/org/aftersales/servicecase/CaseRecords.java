package org.aftersales.servicecase;

import org.springframework.stereotype.Component;

/** Finds the case row a process step works on; a missing row is a broken invariant. */
@Component
public class CaseRecords {

  private final ServiceCaseRepository cases;
  private final CaseSlaRepository slas;

  public CaseRecords(ServiceCaseRepository cases, CaseSlaRepository slas) {
    this.cases = cases;
    this.slas = slas;
  }

  public ServiceCase get(String caseNumber) {
    return cases.findByCaseNumber(caseNumber)
        .orElseThrow(() -> new IllegalStateException("No case row for " + caseNumber));
  }

  public CaseSla firstResponse(String caseNumber) {
    return slas.findByCaseNumberAndKind(caseNumber, CaseSla.FIRST_RESPONSE)
        .orElseThrow(() -> new IllegalStateException("No first-response SLA for " + caseNumber));
  }

  public CaseSla save(CaseSla sla) {
    return slas.save(sla);
  }
}
