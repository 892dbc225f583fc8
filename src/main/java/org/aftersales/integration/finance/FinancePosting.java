package org.aftersales.integration.finance;

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
 * A posting to finance as the service desk tracks it. Status: {@code requested},
 * {@code settled} (the money moved) or {@code failed}.
 */
@Entity
@Table(name = "finance_posting")
public class FinancePosting {

  public static final String REQUESTED = "requested";
  public static final String SETTLED = "settled";
  public static final String FAILED = "failed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(nullable = false, unique = true, updatable = false)
  private String reference;

  @Column(name = "case_number", nullable = false, updatable = false)
  private String caseNumber;

  @Column(nullable = false, updatable = false)
  private String kind;

  @Column(name = "adjustment_id", nullable = false, updatable = false)
  private String adjustmentId;

  @Column(nullable = false, updatable = false, precision = 19, scale = 4)
  private BigDecimal amount;

  @JdbcTypeCode(SqlTypes.CHAR)
  @Column(nullable = false, updatable = false, length = 3)
  private String currency;

  @Column(name = "customer_id")
  private String customerId;

  private String description;

  @Column(nullable = false)
  private String status;

  @Column(name = "finance_note")
  private String financeNote;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Column(name = "settled_at")
  private Instant settledAt;

  @Column(name = "failed_at")
  private Instant failedAt;

  @Version
  private long version;

  protected FinancePosting() {
  }

  FinancePosting(String reference, PostingRequest request, Instant now) {
    this.reference = reference;
    this.caseNumber = request.caseNumber();
    this.kind = request.kind();
    this.adjustmentId = request.adjustmentId();
    this.amount = request.amount();
    this.currency = request.currency();
    this.customerId = request.customerId();
    this.description = request.description();
    this.status = REQUESTED;
    this.createdAt = now;
    this.updatedAt = now;
  }

  void settled(String note, Instant at) {
    status = SETTLED;
    settledAt = at;
    noted(note, at);
  }

  void failed(String note, Instant at) {
    status = FAILED;
    failedAt = at;
    noted(note, at);
  }

  private void noted(String note, Instant at) {
    if (note != null && !note.isBlank()) {
      financeNote = note;
    }
    updatedAt = at;
  }

  public String getReference() {
    return reference;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getKind() {
    return kind;
  }

  public String getAdjustmentId() {
    return adjustmentId;
  }

  public BigDecimal getAmount() {
    return amount;
  }

  public String getCurrency() {
    return currency;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getDescription() {
    return description;
  }

  public String getStatus() {
    return status;
  }

  public String getFinanceNote() {
    return financeNote;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getUpdatedAt() {
    return updatedAt;
  }

  public Instant getSettledAt() {
    return settledAt;
  }

  public Instant getFailedAt() {
    return failedAt;
  }
}
