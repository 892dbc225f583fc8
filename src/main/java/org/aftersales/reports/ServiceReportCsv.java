package org.aftersales.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** The report as CSV for spreadsheets: one row per figure, {@code figure,value,unit,definition}. */
final class ServiceReportCsv {

  static final String HEADER = "figure,value,unit,definition";
  /**
   * The UTF-8 byte order mark the file starts with: without it Excel on Windows reads a CSV in
   * the system's ANSI code page (GBK on Chinese Windows) and shows Chinese names as mojibake.
   */
  static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private ServiceReportCsv() {
  }

  /** The file as served: the byte order mark, then the text in UTF-8. */
  static byte[] bytes(ServiceReport report) {
    byte[] text = of(report).getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[UTF8_BOM.length + text.length];
    System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
    System.arraycopy(text, 0, file, UTF8_BOM.length, text.length);
    return file;
  }

  static String of(ServiceReport report) {
    List<String[]> rows = new ArrayList<>();
    rows.add(new String[] {"period.from", report.from().toString(), "date", ServiceFigureDefinitions.PERIOD});
    rows.add(new String[] {"period.to", report.to().toString(), "date", "Zone " + report.zone() + "."});
    rows.add(new String[] {"customerId", report.customerId() == null ? "" : report.customerId(), "",
        "The customer the cases belong to; empty for all customers."});
    rows.add(new String[] {"customerName", report.customerName() == null ? "" : report.customerName(), "",
        "The customer's name as their latest case gives it; empty for all customers."});
    add(rows, "requestsHandled", report.requestsHandled(), "cases");
    add(rows, "firstResponse.acknowledged", report.firstResponse().acknowledged(), "cases");
    add(rows, "firstResponse.meanMinutes", report.firstResponse().meanMinutes(), "minutes");
    add(rows, "firstResponse.p90Minutes", report.firstResponse().p90Minutes(), "minutes");
    add(rows, "bugs", report.bugs(), "cases");
    add(rows, "bugShare", report.bugShare(), "ratio");
    add(rows, "bugsFixed", report.bugsFixed(), "cases");
    add(rows, "bugResolutionRate", report.bugResolutionRate(), "ratio");
    add(rows, "pureService", report.pureService(), "cases");
    add(rows, "serviceTime.tasks", report.serviceTime().tasks(), "tasks");
    add(rows, "serviceTime.minutes", report.serviceTime().minutes(), "minutes");
    add(rows, "serviceTime.hours", report.serviceTime().hours(), "hours");
    report.slaBreaches().forEach((kind, count) -> add(rows, "slaBreaches." + kind, count, "breaches"));
    add(rows, "satisfaction.rated", report.satisfaction().rated(), "cases");
    add(rows, "satisfaction.average", report.satisfaction().average(), "rating 1-5");
    add(rows, "returnedUnits.recovered", report.returnedUnits().recovered(), "units");
    add(rows, "returnedUnits.notRecovered", report.returnedUnits().notRecovered(), "units");
    add(rows, "returnedUnits.awaited", report.returnedUnits().awaited(), "units");
    for (ServiceReport.Refund refund : report.refunds()) {
      String figure = "refunds." + refund.type() + "." + refund.currency();
      add(rows, figure + ".count", refund.count(), "adjustments");
      add(rows, figure + ".amount", refund.amount(), refund.currency());
    }
    StringBuilder csv = new StringBuilder(HEADER).append("\r\n");
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        csv.append(i == 0 ? "" : ",").append(field(row[i]));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private static void add(List<String[]> rows, String figure, Object value, String unit) {
    String text = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    rows.add(new String[] {figure, text, unit, ServiceFigureDefinitions.of(figure)});
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
  static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
