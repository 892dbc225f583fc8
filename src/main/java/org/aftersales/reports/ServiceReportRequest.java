package org.aftersales.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import org.aftersales.api.ApiException;
import org.aftersales.common.Language;
import org.aftersales.identity.StaffGroup;
import org.springframework.http.ContentDisposition;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;

/**
 * A request for the service figures as {@code /api/reports/service} and Cockpit's "Service KPIs"
 * plugin take it: who may read, the period, the customer and JSON or CSV. Both callers share it,
 * so both answer the same figures, the same CSV and the same 400s.
 */
public record ServiceReportRequest(LocalDate from, LocalDate to, String customerId, boolean csv) {

  /** Who reads the figures: auditors and the approving leads and managers; admins always. */
  public static final List<String> READERS = List.of(StaffGroup.AUDITORS, StaffGroup.APPROVER_LEAD.id(),
      StaffGroup.APPROVER_MANAGER.id(), StaffGroup.APPROVER_DIRECTOR.id());
  public static final MediaType CSV = new MediaType("text", "csv", StandardCharsets.UTF_8);
  static final LocalDate EARLIEST = LocalDate.of(1970, 1, 1);
  static final LocalDate LATEST = LocalDate.of(9999, 12, 31);

  /** The parameters checked: 400 ({@link ApiException}) naming {@code from}, {@code to} or {@code format}. */
  public static ServiceReportRequest parse(String from, String to, String customerId, String format,
      String accept) {
    LocalDate start = date("from", from);
    LocalDate end = date("to", to);
    if (start.isAfter(end)) {
      throw ApiException.badField("to", "must not be before from (" + start + ")");
    }
    boolean csv = csv(format, accept);
    return new ServiceReportRequest(start, end, blankToNull(customerId), csv);
  }

  /** The figures of this request. */
  public ServiceReport report(ServiceFigures figures) {
    return figures.report(from, to, customerId);
  }

  /**
   * The report as a CSV file: one row per figure, columns figure, value, unit, definition with the
   * header, units and definitions in {@code language} ({@code 指标,数值,单位,定义} or
   * {@code figure,value,unit,definition}), UTF-8 with a byte order mark so that Excel opens Chinese
   * text as it is.
   */
  public static byte[] csv(ServiceReport report, Language language) {
    return ServiceReportCsv.bytes(report, language);
  }

  /**
   * The words of the report's values in {@code language}, as the PDF prints them: SLA kinds
   * ({@code slaBreaches}: {@code first-response} → 首次响应) and refund types ({@code refunds}).
   */
  public static java.util.Map<String, java.util.Map<String, String>> words(Language language) {
    ReportTexts texts = ReportTexts.of(language.locale());
    return java.util.Map.of("slaBreaches", texts.startingWith("sla."), "refunds", texts.startingWith("refund."));
  }

  /** The CSV's file name, e.g. {@code service-report-all-2026-01-01-2026-12-31.csv}. */
  public static String csvFileName(ServiceReport report) {
    return "service-report-" + (report.customerId() == null ? "all" : report.customerId()) + "-" + report.from()
        + "-" + report.to() + ".csv";
  }

  /**
   * {@code inline} with the CSV's file name; a name with other than ASCII characters (a customer id
   * in Chinese) goes in RFC 6266's {@code filename*} as UTF-8, where browsers read it.
   */
  public static String csvContentDisposition(ServiceReport report) {
    String name = csvFileName(report);
    ContentDisposition.Builder inline = ContentDisposition.inline();
    boolean ascii = name.chars().allMatch(c -> c >= 0x20 && c < 0x7f);
    return (ascii ? inline.filename(name) : inline.filename(name, StandardCharsets.UTF_8)).build().toString();
  }

  private static LocalDate date(String field, String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badField(field, "is required (YYYY-MM-DD)");
    }
    LocalDate date;
    try {
      date = LocalDate.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw ApiException.badField(field, "must be a date YYYY-MM-DD");
    }
    // ISO dates may have years like +999999999, which the databases cannot compare with.
    if (date.isBefore(EARLIEST) || date.isAfter(LATEST)) {
      throw ApiException.badField(field, "must be between " + EARLIEST + " and " + LATEST);
    }
    return date;
  }

  /** {@code format} decides when given; otherwise CSV when the client names text/csv before application/json. */
  private static boolean csv(String format, String accept) {
    if (format != null && !format.isBlank()) {
      return switch (format.trim().toLowerCase()) {
        case "csv" -> true;
        case "json" -> false;
        default -> throw ApiException.badField("format", "must be json or csv");
      };
    }
    if (accept == null) {
      return false;
    }
    List<MediaType> accepted;
    try {
      accepted = MediaType.parseMediaTypes(accept);
    } catch (InvalidMediaTypeException e) {
      return false;
    }
    for (MediaType type : accepted) {
      if (type.getType().equals("text") && type.getSubtype().equals("csv")) {
        return true;
      }
      if (type.equalsTypeAndSubtype(MediaType.APPLICATION_JSON)) {
        return false;
      }
    }
    return false;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
