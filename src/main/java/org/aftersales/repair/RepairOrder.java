package org.aftersales.repair;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.aftersales.integration.logistics.UnitOrder;

/**
 * The facts of one repair case, kept beside the process: the warranty outcome, the quote and
 * the customer's answer to it, the service mode, on-site times and the unit's way through the
 * depot. Reports and the quote-decision API read it; the process variables stay the engine's.
 */
@Entity
@Table(name = "repair_order")
public class RepairOrder extends UnitOrder {

  public enum QuoteStatus { PREPARED, SENT, ACCEPTED, DECLINED, EXPIRED }

  @Column(name = "damage_cause")
  private String damageCause;

  @Column(name = "fault_type")
  private String faultType;

  @Column(name = "warranty_start")
  private LocalDate warrantyStart;

  @Column(name = "in_warranty")
  private Boolean inWarranty;

  @Column(name = "warranty_reason")
  private String warrantyReason;

  @Column(name = "quote_round", nullable = false)
  private int quoteRound;

  @Column(name = "quote_list_price")
  private BigDecimal quoteListPrice;

  @Column(name = "quote_discount_percent")
  private BigDecimal quoteDiscountPercent;

  @Column(name = "quote_total")
  private BigDecimal quoteTotal;

  @Column(name = "quote_currency")
  private String quoteCurrency;

  @Column(name = "quote_status")
  private String quoteStatus;

  @Column(name = "quote_prepared_by")
  private String quotePreparedBy;

  @Column(name = "quote_sent_at")
  private Instant quoteSentAt;

  @Column(name = "quote_expires_at")
  private Instant quoteExpiresAt;

  @Column(name = "quote_decided_at")
  private Instant quoteDecidedAt;

  @Column(name = "quote_decided_by")
  private String quoteDecidedBy;

  @Column(name = "quote_decision_channel")
  private String quoteDecisionChannel;

  @Column(name = "quote_decision_note")
  private String quoteDecisionNote;

  @Column(name = "invoice_reference")
  private String invoiceReference;

  @Column(name = "paid_at")
  private Instant paidAt;

  @Column(name = "proposed_mode")
  private String proposedMode;

  @Column(name = "repair_mode")
  private String repairMode;

  private String technician;

  @Column(name = "job_accepted_at")
  private Instant jobAcceptedAt;

  @Column(name = "arrival_due")
  private Instant arrivalDue;

  @Column(name = "arrived_at")
  private Instant arrivedAt;

  @Column(name = "completed_at")
  private Instant completedAt;

  @Column(name = "qa_failures", nullable = false)
  private int qaFailures;

  @Column(name = "root_cause")
  private String rootCause;

  @Column(name = "defect_code")
  private String defectCode;

  @Column(name = "closed_at")
  private Instant closedAt;

  protected RepairOrder() {
  }

  public RepairOrder(String caseNumber) {
    super(caseNumber);
  }

  void assessed(String damageCause, String faultType, LocalDate warrantyStart, boolean inWarranty, String reason) {
    this.damageCause = damageCause;
    this.faultType = faultType;
    this.warrantyStart = warrantyStart;
    this.inWarranty = inWarranty;
    this.warrantyReason = reason;
  }

  void quotePrepared(Quote quote, String preparedBy) {
    this.quoteRound++;
    this.quoteListPrice = quote.listPrice();
    this.quoteDiscountPercent = quote.discountPercent();
    this.quoteTotal = quote.total();
    this.quoteCurrency = quote.currency();
    this.quotePreparedBy = preparedBy;
    this.quoteStatus = QuoteStatus.PREPARED.name();
    this.quoteSentAt = null;
    this.quoteExpiresAt = null;
  }

  void quoteSent(Instant at, Instant expiresAt) {
    this.quoteStatus = QuoteStatus.SENT.name();
    this.quoteSentAt = at;
    this.quoteExpiresAt = expiresAt;
  }

  void quoteDecided(boolean accepted, Instant at, String by, String channel, String note) {
    this.quoteStatus = (accepted ? QuoteStatus.ACCEPTED : QuoteStatus.DECLINED).name();
    this.quoteDecidedAt = at;
    this.quoteDecidedBy = by;
    this.quoteDecisionChannel = channel;
    this.quoteDecisionNote = note;
  }

  void quoteExpired(Instant at) {
    this.quoteStatus = QuoteStatus.EXPIRED.name();
    this.quoteDecidedAt = at;
    this.quoteDecisionChannel = "expiry";
  }

  void invoiced(String reference) {
    this.invoiceReference = reference;
  }

  void paid(Instant at) {
    this.paidAt = at;
  }

  void modeProposed(String mode) {
    this.proposedMode = mode;
  }

  void modeConfirmed(String mode) {
    this.repairMode = mode;
  }

  void onSiteDue(Instant due) {
    this.arrivalDue = due;
  }

  void jobAccepted(String technician, Instant at) {
    this.technician = technician;
    this.jobAcceptedAt = at;
  }

  void arrived(String technician, Instant at) {
    this.technician = technician;
    this.arrivedAt = at;
  }

  void completed(Instant at) {
    this.completedAt = at;
  }

  void qaFailed() {
    this.qaFailures++;
  }

  void closed(String rootCause, String defectCode, Instant at) {
    this.rootCause = rootCause;
    this.defectCode = defectCode;
    this.closedAt = at;
  }

  public String getDamageCause() {
    return damageCause;
  }

  public String getFaultType() {
    return faultType;
  }

  public LocalDate getWarrantyStart() {
    return warrantyStart;
  }

  public Boolean getInWarranty() {
    return inWarranty;
  }

  public String getWarrantyReason() {
    return warrantyReason;
  }

  public int getQuoteRound() {
    return quoteRound;
  }

  public BigDecimal getQuoteListPrice() {
    return quoteListPrice;
  }

  public BigDecimal getQuoteDiscountPercent() {
    return quoteDiscountPercent;
  }

  public BigDecimal getQuoteTotal() {
    return quoteTotal;
  }

  public String getQuoteCurrency() {
    return quoteCurrency;
  }

  public QuoteStatus getQuoteStatus() {
    return quoteStatus == null ? null : QuoteStatus.valueOf(quoteStatus);
  }

  public Instant getQuoteExpiresAt() {
    return quoteExpiresAt;
  }

  public Instant getQuoteDecidedAt() {
    return quoteDecidedAt;
  }

  public String getQuoteDecidedBy() {
    return quoteDecidedBy;
  }

  public String getQuoteDecisionChannel() {
    return quoteDecisionChannel;
  }

  public String getInvoiceReference() {
    return invoiceReference;
  }

  public Instant getPaidAt() {
    return paidAt;
  }

  public String getProposedMode() {
    return proposedMode;
  }

  public String getRepairMode() {
    return repairMode;
  }

  public String getTechnician() {
    return technician;
  }

  public Instant getJobAcceptedAt() {
    return jobAcceptedAt;
  }

  public Instant getArrivalDue() {
    return arrivalDue;
  }

  public Instant getArrivedAt() {
    return arrivedAt;
  }

  public Instant getCompletedAt() {
    return completedAt;
  }

  public int getQaFailures() {
    return qaFailures;
  }

  public String getRootCause() {
    return rootCause;
  }

  public String getDefectCode() {
    return defectCode;
  }

  public Instant getClosedAt() {
    return closedAt;
  }
}
