package org.aftersales.reports;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What each figure of the service report means, exactly as {@link ServiceFigures} computes
 * it: written into the CSV export and (the same words) into the README.
 */
final class ServiceFigureDefinitions {

  static final String PERIOD = "The report covers the cases opened from 00:00 of 'from' to 24:00 of 'to' in the"
      + " service zone; every figure is taken over those cases, whenever the later events happened.";

  static final Map<String, String> FIGURES = new LinkedHashMap<>();

  static {
    FIGURES.put("requestsHandled", "Cases (service_case rows) opened in the period, whatever their state.");
    FIGURES.put("firstResponse.acknowledged", "Cases of the period acknowledged to the customer (acknowledged_at set).");
    FIGURES.put("firstResponse.meanMinutes", "Mean of acknowledged_at - opened_at in wall-clock minutes over the"
        + " acknowledged cases, from seconds, rounded half-even to 2 decimals; empty when none.");
    FIGURES.put("firstResponse.p90Minutes", "90th percentile of the same durations by nearest rank: sorted"
        + " ascending, the value at rank ceil(0.9 x n); empty when none.");
    FIGURES.put("bugs", "Cases with at least one confirmed bug (a bug_ticket row: reproduced by support and"
        + " sent to R&D).");
    FIGURES.put("bugShare", "bugs / requestsHandled, 4 decimals half-even; empty when there are no requests.");
    FIGURES.put("bugsFixed", "Bug cases with a ticket in status FIXED (the retest after R&D's fix passed).");
    FIGURES.put("bugResolutionRate", "bugsFixed / bugs, 4 decimals half-even; empty when there are no bugs.");
    FIGURES.put("pureService", "requestsHandled - bugs: requests that were not confirmed bugs.");
    FIGURES.put("serviceTime.tasks", "Completed user tasks (history, delete reason 'completed') of every process"
        + " instance whose business key is one of the cases' numbers.");
    FIGURES.put("serviceTime.minutes", "Sum over those tasks of the time an assignee held them: from each"
        + " assignment (history identity link log, type assignee, add) to its removal or the task's end; a task"
        + " never assigned counts from its start to its end. Whole minutes, truncated from the seconds summed.");
    FIGURES.put("serviceTime.hours", "The same seconds summed / 3600, 2 decimals half-even.");
    FIGURES.put("slaBreaches", "case_sla rows of the cases with status 'missed', counted by kind"
        + " (first-response, on-site-arrival).");
    FIGURES.put("satisfaction.rated", "Cases with a customer rating (satisfaction 1..5).");
    FIGURES.put("satisfaction.average", "Mean rating over the rated cases only, 2 decimals half-even; empty when"
        + " none.");
    FIGURES.put("returnedUnits.recovered", "repair_order and return_order rows of the cases whose unit_status is"
        + " RECEIVED.");
    FIGURES.put("returnedUnits.notRecovered", "Such rows with unit_status NOT_RECOVERED (given up after the"
        + " unit wait).");
    FIGURES.put("returnedUnits.awaited", "Such rows with unit_status AWAITED (still on the way).");
    FIGURES.put("refunds", "refund_adjustment rows of the cases in status posted or settled, by adjustment type"
        + " and currency: count and exact sum of the amounts, in the currency's minor unit.");
  }

  private ServiceFigureDefinitions() {
  }

  static String of(String figure) {
    String key = figure.startsWith("slaBreaches.") ? "slaBreaches"
        : figure.startsWith("refunds.") ? "refunds" : figure;
    return FIGURES.getOrDefault(key, "");
  }
}
