package org.aftersales.servicecase;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;

/** One SLA clock of a case (e.g. first response): its deadline and whether it was met. */
@Entity
@Table(name = "case_sla")
public class CaseSla {

  public static final String FIRST_RESPONSE = "first-response";
  public static final String ON_SITE_ARRIVAL = "on-site-arrival";
  public static final String RUNNING = "running";
  public static final String MET = "met";
  public static final String MISSED = "missed";

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Column(name = "case_number", nullable = false)
  private String caseNumber;

  @Column(nullable = false)
  private String kind;

  @Column(name = "target_minutes", nullable = false)
  private int targetMinutes;

  @Column(name = "around_the_clock", nullable = false)
  private boolean aroundTheClock;

  @Column(name = "started_at", nullable = false)
  private Instant startedAt;

  @Column(name = "warn_at")
  private Instant warnAt;

  @Column(nullable = false)
  private Instant deadline;

  @Column(name = "warned_at")
  private Instant warnedAt;

  @Column(name = "breached_at")
  private Instant breachedAt;

  @Column(name = "met_at")
  private Instant metAt;

  @Column(nullable = false)
  private String status;

  @Version
  private long version;

  protected CaseSla() {
  }

  public CaseSla(String caseNumber, String kind, int targetMinutes, boolean aroundTheClock, Instant startedAt,
      Instant warnAt, Instant deadline) {
    this.caseNumber = caseNumber;
    this.kind = kind;
    this.targetMinutes = targetMinutes;
    this.aroundTheClock = aroundTheClock;
    this.startedAt = startedAt;
    this.warnAt = warnAt;
    this.deadline = deadline;
    this.status = RUNNING;
  }

  public void warned(Instant at) {
    this.warnedAt = at;
  }

  public void breached(Instant at) {
    this.breachedAt = at;
    this.status = MISSED;
  }

  /** The clock stops: met when in time; a late answer stays missed. */
  public void stopped(Instant at) {
    this.metAt = at;
    this.status = at.isAfter(deadline) ? MISSED : MET;
    if (MISSED.equals(status) && breachedAt == null) {
      breachedAt = deadline;
    }
  }

  public String getCaseNumber() {
    return caseNumber;
  }

  public String getKind() {
    return kind;
  }

  public int getTargetMinutes() {
    return targetMinutes;
  }

  public boolean isAroundTheClock() {
    return aroundTheClock;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getWarnAt() {
    return warnAt;
  }

  public Instant getDeadline() {
    return deadline;
  }

  public Instant getWarnedAt() {
    return warnedAt;
  }

  public Instant getBreachedAt() {
    return breachedAt;
  }

  public Instant getMetAt() {
    return metAt;
  }

  public String getStatus() {
    return status;
  }
}
