package org.aftersales.refund;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/**
 * One adjustment a case prepared, as auditors and finance look it up. Status:
 * {@code calculated} (waiting for approval), {@code rejected}, {@code posted}, {@code settled}.
 */
@Entity
@Table(name = "refund_adjustment")
public class RefundAdjustment {

  public static final String CALCULATED = "calculated";
  public static final String REJECTED = "rejected";
  public static final String POSTED = "posted";
  public static final String SETTLED = "settled";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, updatable = false)
  private String caseNumber;

  @Column(name = "adjustment_id", nullable = false, updatable = false)
  private String adjustmentId;

  @Column(name = "adjustment_type", nullable = false, updatable = false)
  private String adjustmentType;

  @Column(name = "posting_kind", nullable = false, updatable = false)
  private String postingKind;

  @Column(nullable = false, updatable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Column(name = "refund_percent", updatable = false)
  private Integer refundPercent;

  @Column(nullable = false, updatable = false)
  private String basis;

  private String reason;

  @Column(name = "prepared_by")
  private String preparedBy;

  @Column(nullable = false)
  private String status;

  @Column(name = "posting_reference")
  private String postingReference;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version
  private long version;

  protected RefundAdjustment() {
  }

  RefundAdjustment(String caseNumber, String adjustmentId, Adjustment adjustment, String reason, String preparedBy,
      String processInstanceId, Instant now) {
    this.caseNumber = caseNumber;
    this.adjustmentId = adjustmentId;
    this.adjustmentType = adjustment.type().value();
    this.postingKind = adjustment.postingKind();
    this.amount = adjustment.amount();
    this.currency = adjustment.currency();
    this.refundPercent = adjustment.refundPercent();
    this.basis = adjustment.basis();
    this.reason = reason;
    this.preparedBy = preparedBy;
    this.processInstanceId = processInstanceId;
    this.status = CALCULATED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void rejected(Instant at) {
    status = REJECTED;
    updatedAt = at;
  }

  void posted(String reference, Instant at) {
    status = POSTED;
    postingReference = reference;
    updatedAt = at;
  }

  void settled(Instant at) {
    status = SETTLED;
    updatedAt = at;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getAdjustmentId() {
    return adjustmentId;
  }

  public String getAdjustmentType() {
    return adjustmentType;
  }

  public String getPostingKind() {
    return postingKind;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public Integer getRefundPercent() {
    return refundPercent;
  }

  public String getBasis() {
    return basis;
  }

  public String getReason() {
    return reason;
  }

  public String getPreparedBy() {
    return preparedBy;
  }

  public String getStatus() {
    return status;
  }

  public String getPostingReference() {
    return postingReference;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
