package org.aftersales.reports;

import com.fasterxml.jackson.annotation.JsonFormat;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The service figures over the cases opened in a period, for one customer or all. Every
 * figure is defined in the report bundles ({@code csv.definition.*} of {@code messages_*.properties}) and in the README ("Service report").
 * Ratios and averages are exact decimals; null where nothing was there to average.
 */
public record ServiceReport(
    String customerId,
    /** The customer's name as their latest case gives it; null for all customers or an unknown one. */
    String customerName,
    LocalDate from,
    LocalDate to,
    String zone,
    long requestsHandled,
    FirstResponse firstResponse,
    long bugs,
    BigDecimal bugShare,
    long bugsFixed,
    BigDecimal bugResolutionRate,
    long pureService,
    ServiceTime serviceTime,
    Map<String, Long> slaBreaches,
    Satisfaction satisfaction,
    ReturnedUnits returnedUnits,
    List<Refund> refunds) {

  /** Opened → acknowledged, over the acknowledged cases; the 90th percentile by nearest rank. */
  public record FirstResponse(long acknowledged, BigDecimal meanMinutes, BigDecimal p90Minutes) {
  }

  /** Completed tasks of the cases' process instances and the time staff held them. */
  public record ServiceTime(long tasks, long minutes, BigDecimal hours) {
  }

  public record Satisfaction(long rated, BigDecimal average) {
  }

  public record ReturnedUnits(long recovered, long notRecovered, long awaited) {
  }

  /** Posted or settled adjustments of one type in one currency; the amount is exact text. */
  public record Refund(String type, String currency, long count,
      @JsonFormat(shape = JsonFormat.Shape.STRING) BigDecimal amount) {
  }
}
