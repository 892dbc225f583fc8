package org.aftersales.bugloop;

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

/**
 * A confirmed bug and its R&D ticket, as the service desk tracks it: the source of the
 * bug count, the bug share and the resolution rate (fixed / confirmed).
 */
@Entity
@Table(name = "bug_ticket")
public class BugTicket {

  /** OPEN: with R&D. RESOLVED: R&D says fixed, support retests. FIXED: retest passed. REJECTED: R&D declined. */
  public enum Status { OPEN, RESOLVED, FIXED, REJECTED }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "ticket_key", nullable = false, unique = true, updatable = false)
  private String ticketKey;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Column(name = "product_sku")
  private String productSku;

  @Column(name = "product_line")
  private String productLine;

  @Column(name = "reproduction_steps")
  private String reproductionSteps;

  @Column(nullable = false)
  private int round;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Status status;

  @Column(name = "confirmed_at", nullable = false)
  private Instant confirmedAt;

  @Column(name = "rnd_answered_at")
  private Instant rndAnsweredAt;

  @Column(name = "fixed_at")
  private Instant fixedAt;

  @Column(name = "rejected_at")
  private Instant rejectedAt;

  @Column(name = "fix_version")
  private String fixVersion;

  @Column(name = "rnd_comment")
  private String rndComment;

  @Version
  private long version;

  protected BugTicket() {
  }

  BugTicket(String ticketKey, String caseNumber, String productSku, String productLine, String reproductionSteps,
      Instant confirmedAt) {
    this.ticketKey = ticketKey;
    this.caseNumber = caseNumber;
    this.productSku = productSku;
    this.productLine = productLine;
    this.reproductionSteps = reproductionSteps;
    this.round = 1;
    this.status = Status.OPEN;
    this.confirmedAt = confirmedAt;
  }

  void answered(Status answer, String fixVersion, String comment, Instant at) {
    this.status = answer;
    this.rndAnsweredAt = at;
    this.fixVersion = fixVersion;
    this.rndComment = comment;
    if (answer == Status.REJECTED) {
      this.rejectedAt = at;
    }
  }

  void reopened() {
    this.round++;
    this.status = Status.OPEN;
  }

  void fixed(Instant at) {
    this.status = Status.FIXED;
    this.fixedAt = at;
  }

  public String getTicketKey() {
    return ticketKey;
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getProductSku() {
    return productSku;
  }

  public String getProductLine() {
    return productLine;
  }

  public String getReproductionSteps() {
    return reproductionSteps;
  }

  public int getRound() {
    return round;
  }

  public Status getStatus() {
    return status;
  }

  public Instant getConfirmedAt() {
    return confirmedAt;
  }

  public Instant getRndAnsweredAt() {
    return rndAnsweredAt;
  }

  public Instant getFixedAt() {
    return fixedAt;
  }

  public Instant getRejectedAt() {
    return rejectedAt;
  }

  public String getFixVersion() {
    return fixVersion;
  }

  public String getRndComment() {
    return rndComment;
  }
}
