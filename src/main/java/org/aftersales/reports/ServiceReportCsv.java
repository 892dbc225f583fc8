package org.aftersales.reports;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aftersales.common.Language;

/**
 * The report as CSV for spreadsheets: one row per figure, columns figure, value, unit, definition.
 * The header, units and definitions are in the reader's language ({@code csv.*} of the report's
 * {@code messages_*.properties}); figure ids and values are the same in every language.
 */
final class ServiceReportCsv {

  static final List<String> COLUMNS = List.of("figure", "value", "unit", "definition");
  /** The units the rows use; a refund's amount is in its currency instead. */
  static final List<String> UNITS = List.of("date", "cases", "minutes", "ratio", "tasks", "hours", "breaches",
      "rating", "units", "adjustments");
  /**
   * The UTF-8 byte order mark the file starts with: without it Excel on Windows reads a CSV in
   * the system's ANSI code page (GBK on Chinese Windows) and shows Chinese names as mojibake.
   */
  static final byte[] UTF8_BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final ReportTexts texts;
  private final List<String[]> rows = new ArrayList<>();

  private ServiceReportCsv(ReportTexts texts) {
    this.texts = texts;
  }

  /** The file as served: the byte order mark, then the text in UTF-8. */
  static byte[] bytes(ServiceReport report, Language language) {
    byte[] text = of(report, language).getBytes(StandardCharsets.UTF_8);
    byte[] file = new byte[UTF8_BOM.length + text.length];
    System.arraycopy(UTF8_BOM, 0, file, 0, UTF8_BOM.length);
    System.arraycopy(text, 0, file, UTF8_BOM.length, text.length);
    return file;
  }

  static String of(ServiceReport report, Language language) {
    return new ServiceReportCsv(ReportTexts.of(language.locale())).write(report);
  }

  /** The header row in {@code texts}' language. */
  static String header(ReportTexts texts) {
    return String.join(",", COLUMNS.stream().map(column -> field(texts.get("csv.column." + column))).toList());
  }

  private String write(ServiceReport report) {
    rows.add(new String[] {"period.from", report.from().toString(), texts.get("csv.unit.date"),
        texts.get("csv.definition.period.from")});
    rows.add(new String[] {"period.to", report.to().toString(), texts.get("csv.unit.date"),
        texts.get("csv.definition.period.to", report.zone().toString())});
    rows.add(new String[] {"customerId", report.customerId() == null ? "" : report.customerId(), "",
        texts.get("csv.definition.customerId")});
    rows.add(new String[] {"customerName", report.customerName() == null ? "" : report.customerName(), "",
        texts.get("csv.definition.customerName")});
    add("requestsHandled", report.requestsHandled(), "cases");
    add("firstResponse.acknowledged", report.firstResponse().acknowledged(), "cases");
    add("firstResponse.meanMinutes", report.firstResponse().meanMinutes(), "minutes");
    add("firstResponse.p90Minutes", report.firstResponse().p90Minutes(), "minutes");
    add("bugs", report.bugs(), "cases");
    add("bugShare", report.bugShare(), "ratio");
    add("bugsFixed", report.bugsFixed(), "cases");
    add("bugResolutionRate", report.bugResolutionRate(), "ratio");
    add("pureService", report.pureService(), "cases");
    add("serviceTime.tasks", report.serviceTime().tasks(), "tasks");
    add("serviceTime.minutes", report.serviceTime().minutes(), "minutes");
    add("serviceTime.hours", report.serviceTime().hours(), "hours");
    report.slaBreaches().forEach((kind, count) -> add("slaBreaches." + kind, count, "breaches"));
    add("satisfaction.rated", report.satisfaction().rated(), "cases");
    add("satisfaction.average", report.satisfaction().average(), "rating");
    add("returnedUnits.recovered", report.returnedUnits().recovered(), "units");
    add("returnedUnits.notRecovered", report.returnedUnits().notRecovered(), "units");
    add("returnedUnits.awaited", report.returnedUnits().awaited(), "units");
    for (ServiceReport.Refund refund : report.refunds()) {
      String figure = "refunds." + refund.type() + "." + refund.currency();
      add(figure + ".count", refund.count(), texts.get("csv.unit.adjustments"), "refunds");
      add(figure + ".amount", refund.amount(), refund.currency(), "refunds");
    }
    StringBuilder csv = new StringBuilder(header(texts)).append("\r\n");
    for (String[] row : rows) {
      for (int i = 0; i < row.length; i++) {
        csv.append(i == 0 ? "" : ",").append(field(row[i]));
      }
      csv.append("\r\n");
    }
    return csv.toString();
  }

  private void add(String figure, Object value, String unit) {
    String definition = figure.startsWith("slaBreaches.") ? "slaBreaches" : figure;
    add(figure, value, texts.get("csv.unit." + unit), definition);
  }

  private void add(String figure, Object value, String unitText, String definition) {
    String text = value == null ? "" : value instanceof BigDecimal decimal ? decimal.toPlainString() : value.toString();
    rows.add(new String[] {figure, text, unitText, texts.get("csv.definition." + definition)});
  }

  /** RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled. */
  static String field(String value) {
    if (value.contains(",") || value.contains("\"") || value.contains("\n") || value.contains("\r")) {
      return "\"" + value.replace("\"", "\"\"") + "\"";
    }
    return value;
  }
}
