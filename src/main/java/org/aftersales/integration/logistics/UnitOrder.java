package org.aftersales.integration.logistics;

import jakarta.persistence.Column;
import jakarta.persistence.Embedded;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;
import jakarta.persistence.Version;

/**
 * What the order rows of case processes that may take a unit back (repair, returns) share: one
 * row per case, the unit the customer sends back, optimistic locking.
 */
@MappedSuperclass
public abstract class UnitOrder {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true)
  private String caseNumber;

  // all three columns empty until a unit is expected: Hibernate then loads no object
  @Embedded
  private ReturnedUnit unit;

  @Version
  private long version;

  protected UnitOrder() {
  }

  protected UnitOrder(String caseNumber) {
    this.caseNumber = caseNumber;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  /** The unit the customer sends back (an empty one until the pick-up is ordered). */
  public ReturnedUnit getUnit() {
    if (unit == null) {
      unit = new ReturnedUnit();
    }
    return unit;
  }
}
