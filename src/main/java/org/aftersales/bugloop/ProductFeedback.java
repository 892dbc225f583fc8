package org.aftersales.bugloop;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * Product-improvement input for R&D and QA from after-sales: a fixed bug here; repair
 * defects and returned units from their own processes.
 */
@Entity
@Table(name = "product_feedback")
public class ProductFeedback {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Column(nullable = false)
  private String source;

  private String reference;

  @Column(name = "product_sku")
  private String productSku;

  @Column(name = "product_line")
  private String productLine;

  @Column(nullable = false)
  private String summary;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  protected ProductFeedback() {
  }

  public ProductFeedback(String caseNumber, String source, String reference, String productSku, String productLine,
      String summary, Instant createdAt) {
    this.caseNumber = caseNumber;
    this.source = source;
    this.reference = reference;
    this.productSku = productSku;
    this.productLine = productLine;
    this.summary = summary;
    this.createdAt = createdAt;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getSource() {
    return source;
  }

  public String getReference() {
    return reference;
  }

  public String getProductSku() {
    return productSku;
  }

  public String getProductLine() {
    return productLine;
  }

  public String getSummary() {
    return summary;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}
