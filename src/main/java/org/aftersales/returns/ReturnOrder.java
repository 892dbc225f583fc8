package org.aftersales.returns;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.aftersales.integration.logistics.UnitOrder;

/**
 * The facts of one return or exchange, beside the process: the eligibility decision, the
 * unit's way back (recovered or not: finance and QA count on it), the inspection, who is
 * responsible and how it was decided, and the resolution.
 */
@Entity
@Table(name = "return_order")
public class ReturnOrder extends UnitOrder {

  @Column(name = "return_reason")
  private String returnReason;

  @Column(name = "delivery_date")
  private LocalDate deliveryDate;

  @Column(name = "days_since_delivery")
  private Integer daysSinceDelivery;

  @Column(name = "unit_condition")
  private String unitCondition;

  @Column(name = "original_price")
  private BigDecimal originalPrice;

  private String currency;

  @Column(name = "requested_resolution")
  private String requestedResolution;

  @Column(name = "customer_tier")
  private String customerTier;

  private String eligibility;

  @Column(name = "eligibility_reason")
  private String eligibilityReason;

  @Column(name = "inspected_condition")
  private String inspectedCondition;

  @Column(name = "technical_responsibility")
  private String technicalResponsibility;

  @Column(name = "qa_responsibility")
  private String qaResponsibility;

  private String responsibility;

  @Column(name = "responsibility_decided_by")
  private String responsibilityDecidedBy;

  private String resolution;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected ReturnOrder() {
  }

  public ReturnOrder(String caseNumber) {
    super(caseNumber);
  }

  void registered(String reason, LocalDate deliveryDate, String condition, BigDecimal originalPrice, String currency,
      String requestedResolution) {
    this.returnReason = reason;
    this.deliveryDate = deliveryDate;
    this.unitCondition = condition;
    this.originalPrice = originalPrice;
    this.currency = currency;
    this.requestedResolution = requestedResolution;
  }

  void assessed(Integer daysSinceDelivery, String customerTier, String eligibility, String reason) {
    this.daysSinceDelivery = daysSinceDelivery;
    this.customerTier = customerTier;
    this.eligibility = eligibility;
    this.eligibilityReason = reason;
  }

  void inspected(String condition) {
    this.inspectedCondition = condition;
  }

  void technicalFinding(String responsibility) {
    this.technicalResponsibility = responsibility;
  }

  void qaFinding(String responsibility) {
    this.qaResponsibility = responsibility;
  }

  void responsibilityDecided(String responsibility, String decidedBy) {
    this.responsibility = responsibility;
    this.responsibilityDecidedBy = decidedBy;
  }

  void resolved(String resolution) {
    this.resolution = resolution;
  }

  void closed(Instant at) {
    this.closedAt = at;
  }

  public String getReturnReason() {
    return returnReason;
  }

  public Integer getDaysSinceDelivery() {
    return daysSinceDelivery;
  }

  public String getUnitCondition() {
    return unitCondition;
  }

  public BigDecimal getOriginalPrice() {
    return originalPrice;
  }

  public String getCurrency() {
    return currency;
  }

  public String getCustomerTier() {
    return customerTier;
  }

  public String getEligibility() {
    return eligibility;
  }

  public String getEligibilityReason() {
    return eligibilityReason;
  }

  public String getInspectedCondition() {
    return inspectedCondition;
  }

  public String getTechnicalResponsibility() {
    return technicalResponsibility;
  }

  public String getQaResponsibility() {
    return qaResponsibility;
  }

  public String getResponsibility() {
    return responsibility;
  }

  public String getResponsibilityDecidedBy() {
    return responsibilityDecidedBy;
  }

  public String getResolution() {
    return resolution;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
