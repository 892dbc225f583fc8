package org.aftersales.reports;

import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Currency;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aftersales.bugloop.BugTicket;
import org.aftersales.common.SystemAuthority;
import org.aftersales.integration.logistics.ReturnedUnit;
import org.aftersales.refund.RefundAdjustment;
import org.aftersales.servicecase.CaseSla;
import org.aftersales.servicecase.ServiceCase;
import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricIdentityLinkLog;
import org.camunda.bpm.engine.history.HistoricTaskInstance;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Computes the service report (DESIGN §1 "Data talks", §3) from our tables and the engine
 * history. All figures are over the cases opened in the period; see the report bundles ({@code csv.definition.*} of {@code messages_*.properties}).
 */
@Service
public class ServiceFigures {

  private static final String COMPLETED = "completed";
  private static final String ADD = "add";
  private static final int KEYS_PER_QUERY = 500;

  private final EntityManager entityManager;
  private final HistoryService historyService;
  private final SystemAuthority system;
  private final ZoneId zone;

  public ServiceFigures(EntityManager entityManager, HistoryService historyService, SystemAuthority system,
      ServiceHours serviceHours) {
    this.entityManager = entityManager;
    this.historyService = historyService;
    this.system = system;
    this.zone = serviceHours.zone();
  }

  public ZoneId zone() {
    return zone;
  }

  /** The customer's name as their latest case gives it; empty for a customer with no case. */
  @Transactional(readOnly = true)
  public Optional<String> customerName(String customerId) {
    return entityManager.createQuery("select c.customerName from ServiceCase c where c.customerId = :customer"
            + " order by c.openedAt desc", String.class)
        .setParameter("customer", customerId).setMaxResults(1).getResultStream().findFirst();
  }

  /** The language the customer's latest case names for them ({@code customer.language}); empty when none. */
  @Transactional(readOnly = true)
  public Optional<String> customerLanguage(String customerId) {
    return entityManager.createQuery("select c.customerLanguage from ServiceCase c where c.customerId = :customer"
            + " order by c.openedAt desc", String.class)
        .setParameter("customer", customerId).setMaxResults(1).getResultStream().filter(Objects::nonNull).findFirst();
  }

  /** Figures over the cases opened from {@code from} to {@code to} (both days included); customer optional. */
  @Transactional(readOnly = true)
  public ServiceReport report(LocalDate from, LocalDate to, String customerId) {
    Scope scope = new Scope(from.atStartOfDay(zone).toInstant(), to.plusDays(1).atStartOfDay(zone).toInstant(),
        customerId);
    List<ServiceCase> cases = scope.bind(entityManager.createQuery(
        "select c from ServiceCase c where " + scope.condition() + " order by c.openedAt", ServiceCase.class))
        .getResultList();
    long requests = cases.size();

    List<Long> responseSeconds = cases.stream().filter(c -> c.getAcknowledgedAt() != null)
        .map(c -> Duration.between(c.getOpenedAt(), c.getAcknowledgedAt()).getSeconds()).sorted().toList();
    ServiceReport.FirstResponse firstResponse = new ServiceReport.FirstResponse(responseSeconds.size(),
        responseSeconds.isEmpty() ? null : minutes(BigDecimal.valueOf(responseSeconds.stream()
            .mapToLong(Long::longValue).sum()).divide(BigDecimal.valueOf(responseSeconds.size()), 10,
            RoundingMode.HALF_EVEN)),
        responseSeconds.isEmpty() ? null : minutes(BigDecimal.valueOf(nearestRank(responseSeconds, 90))));

    List<BugTicket> tickets = scope.bind(entityManager.createQuery(
        "select t from BugTicket t where t.caseNumber in (" + scope.caseNumbers() + ")", BugTicket.class))
        .getResultList();
    Set<String> bugCases = new HashSet<>();
    Set<String> fixedCases = new HashSet<>();
    for (BugTicket ticket : tickets) {
      bugCases.add(ticket.getCaseNumber());
      if (ticket.getStatus() == BugTicket.Status.FIXED) {
        fixedCases.add(ticket.getCaseNumber());
      }
    }

    Map<String, Long> breaches = new LinkedHashMap<>();
    breaches.put(CaseSla.FIRST_RESPONSE, 0L);
    breaches.put(CaseSla.ON_SITE_ARRIVAL, 0L);
    for (Object[] row : scope.bind(entityManager.createQuery("select s.kind, count(s) from CaseSla s where s.status"
        + " = :missed and s.caseNumber in (" + scope.caseNumbers() + ") group by s.kind order by s.kind",
        Object[].class)).setParameter("missed", CaseSla.MISSED).getResultList()) {
      breaches.put((String) row[0], (Long) row[1]);
    }

    List<Integer> ratings = cases.stream().map(ServiceCase::getSatisfaction).filter(r -> r != null).toList();
    ServiceReport.Satisfaction satisfaction = new ServiceReport.Satisfaction(ratings.size(), ratings.isEmpty() ? null
        : BigDecimal.valueOf(ratings.stream().mapToLong(Integer::longValue).sum())
            .divide(BigDecimal.valueOf(ratings.size()), 2, RoundingMode.HALF_EVEN));

    Map<ReturnedUnit.Status, Long> units = new HashMap<>();
    for (String order : List.of("RepairOrder", "ReturnOrder")) {
      for (Object[] row : scope.bind(entityManager.createQuery("select o.unit.status, count(o) from " + order
          + " o where o.unit.status is not null and o.caseNumber in (" + scope.caseNumbers() + ")"
          + " group by o.unit.status", Object[].class)).getResultList()) {
        units.merge((ReturnedUnit.Status) row[0], (Long) row[1], Long::sum);
      }
    }

    List<ServiceReport.Refund> refunds = new ArrayList<>();
    for (Object[] row : scope.bind(entityManager.createQuery("select a.adjustmentType, a.currency, count(a),"
        + " sum(a.amount) from RefundAdjustment a where a.status in :statuses and a.caseNumber in ("
        + scope.caseNumbers() + ") group by a.adjustmentType, a.currency order by a.adjustmentType, a.currency",
        Object[].class)).setParameter("statuses", List.of(RefundAdjustment.POSTED, RefundAdjustment.SETTLED))
        .getResultList()) {
      String currency = ((String) row[1]).trim();
      refunds.add(new ServiceReport.Refund((String) row[0], currency, (Long) row[2],
          inMinorUnit((BigDecimal) row[3], currency)));
    }

    String customerName = customerId == null ? null : customerName(customerId).orElse(null);
    return new ServiceReport(customerId, customerName, from, to, zone.getId(), requests, firstResponse,
        bugCases.size(), ratio(bugCases.size(), requests), fixedCases.size(), ratio(fixedCases.size(), bugCases.size()),
        requests - bugCases.size(), serviceTime(cases.stream().map(ServiceCase::getCaseNumber).toList()), breaches,
        satisfaction, new ServiceReport.ReturnedUnits(units.getOrDefault(ReturnedUnit.Status.RECEIVED, 0L),
            units.getOrDefault(ReturnedUnit.Status.NOT_RECOVERED, 0L),
            units.getOrDefault(ReturnedUnit.Status.AWAITED, 0L)),
        refunds);
  }

  /** Value at rank ceil(p/100 x n) of the ascending values (nearest-rank method). */
  static long nearestRank(List<Long> ascending, int percentile) {
    int rank = (percentile * ascending.size() + 99) / 100;
    return ascending.get(Math.max(rank, 1) - 1);
  }

  private ServiceReport.ServiceTime serviceTime(List<String> caseNumbers) {
    long seconds = 0;
    long tasks = 0;
    for (int i = 0; i < caseNumbers.size(); i += KEYS_PER_QUERY) {
      String[] keys = caseNumbers.subList(i, Math.min(i + KEYS_PER_QUERY, caseNumbers.size())).toArray(String[]::new);
      List<HistoricTaskInstance> finished = system.call(() -> historyService.createHistoricTaskInstanceQuery()
          .processInstanceBusinessKeyIn(keys).finished().list());
      for (HistoricTaskInstance task : finished) {
        if (!COMPLETED.equals(task.getDeleteReason()) || task.getEndTime() == null) {
          continue;
        }
        tasks++;
        seconds += heldSeconds(task);
      }
    }
    return new ServiceReport.ServiceTime(tasks, seconds / 60,
        BigDecimal.valueOf(seconds).divide(BigDecimal.valueOf(3600), 2, RoundingMode.HALF_EVEN));
  }

  /** Seconds the task had an assignee until it ended; from its start when it never had one. */
  private long heldSeconds(HistoricTaskInstance task) {
    List<HistoricIdentityLinkLog> assignments = system.call(() -> historyService.createHistoricIdentityLinkLogQuery()
        .taskId(task.getId()).type(IdentityLinkType.ASSIGNEE).list());
    Instant end = task.getEndTime().toInstant();
    if (assignments.isEmpty()) {
      return Duration.between(task.getStartTime().toInstant(), end).getSeconds();
    }
    List<HistoricIdentityLinkLog> ordered = new ArrayList<>(assignments);
    // a change of assignee logs the removal and the addition at the same moment: removal first
    ordered.sort(Comparator.comparing(HistoricIdentityLinkLog::getTime)
        .thenComparing(log -> ADD.equals(log.getOperationType()) ? 1 : 0));
    long seconds = 0;
    Instant heldSince = null;
    for (HistoricIdentityLinkLog log : ordered) {
      Instant at = log.getTime().toInstant();
      if (ADD.equals(log.getOperationType())) {
        if (heldSince == null) {
          heldSince = at;
        }
      } else if (heldSince != null) {
        seconds += Duration.between(heldSince, at).getSeconds();
        heldSince = null;
      }
    }
    if (heldSince != null && heldSince.isBefore(end)) {
      seconds += Duration.between(heldSince, end).getSeconds();
    }
    return seconds;
  }

  private static BigDecimal minutes(BigDecimal seconds) {
    return seconds.divide(BigDecimal.valueOf(60), 2, RoundingMode.HALF_EVEN);
  }

  private static BigDecimal ratio(long part, long whole) {
    return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_EVEN);
  }

  /** Amounts are stored rounded to the minor unit already; this only drops the storage scale. */
  private static BigDecimal inMinorUnit(BigDecimal amount, String currency) {
    try {
      int digits = Currency.getInstance(currency).getDefaultFractionDigits();
      return digits < 0 ? amount : amount.setScale(digits, RoundingMode.UNNECESSARY);
    } catch (IllegalArgumentException | ArithmeticException e) {
      return amount.stripTrailingZeros();
    }
  }

  /** The cases of the report: opened in [start, end), of the customer when one is named. */
  private record Scope(Instant start, Instant end, String customerId) {

    String condition() {
      return "c.openedAt >= :start and c.openedAt < :end" + (customerId == null ? "" : " and c.customerId = :customer");
    }

    String caseNumbers() {
      return "select c.caseNumber from ServiceCase c where " + condition();
    }

    <T> TypedQuery<T> bind(TypedQuery<T> query) {
      query.setParameter("start", start).setParameter("end", end);
      return customerId == null ? query : query.setParameter("customer", customerId);
    }
  }
}
