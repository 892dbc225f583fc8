package org.aftersales.servicecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.time.LocalDate;

/**
 * A customer's service case: what they reported, who answers for it and how it ended.
 * The process holds the flow; this row holds the facts the service report needs.
 */
@Entity
@Table(name = "service_case")
public class ServiceCase {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false, unique = true, updatable = false)
  private String caseNumber;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private CaseStatus status;

  @Column(name = "customer_id", nullable = false)
  private String customerId;

  @Column(name = "customer_name", nullable = false)
  private String customerName;

  @Column(name = "customer_city")
  private String customerCity;

  @Column(name = "customer_city_tier")
  private Integer customerCityTier;

  @Column(name = "customer_contact")
  private String customerContact;

  @Column(name = "customer_language")
  private String customerLanguage;

  @Column(name = "contract_level", nullable = false)
  private String contractLevel;

  @Column(name = "product_sku", nullable = false)
  private String productSku;

  @Column(name = "product_line")
  private String productLine;

  @Column(name = "serial_number")
  private String serialNumber;

  @Column(name = "purchase_date")
  private LocalDate purchaseDate;

  @Column(nullable = false)
  private String channel;

  @Column(nullable = false)
  private String priority;

  private String category;

  @Column(nullable = false)
  private boolean complaint;

  @Column(nullable = false)
  private String description;

  @Column(name = "opened_at", nullable = false)
  private Instant openedAt;

  @Column(name = "opened_by")
  private String openedBy;

  private String owner;

  @Column(name = "acknowledged_at")
  private Instant acknowledgedAt;

  @Column(name = "resolution_summary")
  private String resolutionSummary;

  @Column(name = "resolved_at")
  private Instant resolvedAt;

  private Integer satisfaction;

  @Column(name = "feedback_comment")
  private String feedbackComment;

  @Column(name = "feedback_at")
  private Instant feedbackAt;

  @Column(name = "closed_at")
  private Instant closedAt;

  @Column(name = "process_instance_id")
  private String processInstanceId;

  @Version
  private long version;

  protected ServiceCase() {
  }

  ServiceCase(String caseNumber, NewCaseRequest request, Instant openedAt, String openedBy) {
    this.caseNumber = caseNumber;
    this.status = CaseStatus.OPEN;
    this.customerId = request.customer().id().trim();
    this.customerName = request.customer().name().trim();
    this.customerCity = request.customer().city();
    this.customerCityTier = request.customer().cityTier();
    this.customerContact = request.customer().contact();
    this.customerLanguage = request.customer().language();
    this.contractLevel = request.contractLevelOrDefault();
    this.productSku = request.product().sku().trim();
    this.productLine = request.product().productLine();
    this.serialNumber = request.product().serialNumber();
    this.purchaseDate = request.product().purchaseDate();
    this.channel = request.channel();
    this.priority = request.priorityOrDefault();
    this.category = request.category();
    this.complaint = Boolean.TRUE.equals(request.complaint());
    this.description = request.description().trim();
    this.openedAt = openedAt;
    this.openedBy = openedBy;
  }

  public void started(String processInstanceId) {
    this.processInstanceId = processInstanceId;
  }

  public void acknowledged(String owner, Instant at) {
    this.owner = owner;
    this.acknowledgedAt = at;
    this.status = CaseStatus.ACKNOWLEDGED;
  }

  public void triaged(String category) {
    this.category = category;
    this.status = CaseStatus.IN_PROGRESS;
  }

  public void resolved(String summary, Instant at) {
    this.resolutionSummary = summary;
    this.resolvedAt = at;
    this.status = CaseStatus.RESOLVED;
  }

  public void feedback(int satisfaction, String comment, Instant at) {
    this.satisfaction = satisfaction;
    this.feedbackComment = comment;
    this.feedbackAt = at;
  }

  public void closed(Instant at) {
    this.closedAt = at;
    this.status = CaseStatus.CLOSED;
  }

  public Long getId() {
    return id;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public CaseStatus getStatus() {
    return status;
  }

  public String getCustomerId() {
    return customerId;
  }

  public String getCustomerName() {
    return customerName;
  }

  public String getCustomerContact() {
    return customerContact;
  }

  /** zh-CN, en, or null for {@code aftersales.locale}. */
  public String getCustomerLanguage() {
    return customerLanguage;
  }

  public String getCustomerCity() {
    return customerCity;
  }

  public Integer getCustomerCityTier() {
    return customerCityTier;
  }

  public String getContractLevel() {
    return contractLevel;
  }

  public String getProductSku() {
    return productSku;
  }

  public String getProductLine() {
    return productLine;
  }

  public String getSerialNumber() {
    return serialNumber;
  }

  public LocalDate getPurchaseDate() {
    return purchaseDate;
  }

  public String getChannel() {
    return channel;
  }

  public String getPriority() {
    return priority;
  }

  public String getCategory() {
    return category;
  }

  public boolean isComplaint() {
    return complaint;
  }

  public String getDescription() {
    return description;
  }

  public Instant getOpenedAt() {
    return openedAt;
  }

  public String getOpenedBy() {
    return openedBy;
  }

  public String getOwner() {
    return owner;
  }

  public Instant getAcknowledgedAt() {
    return acknowledgedAt;
  }

  public String getResolutionSummary() {
    return resolutionSummary;
  }

  public Instant getResolvedAt() {
    return resolvedAt;
  }

  public Integer getSatisfaction() {
    return satisfaction;
  }

  public String getFeedbackComment() {
    return feedbackComment;
  }

  public Instant getFeedbackAt() {
    return feedbackAt;
  }

  public Instant getClosedAt() {
    return closedAt;
  }

  public String getProcessInstanceId() {
    return processInstanceId;
  }
}
