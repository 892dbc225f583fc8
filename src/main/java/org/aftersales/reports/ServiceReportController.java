package org.aftersales.reports;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.api.ApiAccess;
import org.aftersales.api.ApiException;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The service report (README "Service report"): JSON or CSV over a period, and a customer's year as PDF. */
@RestController
@RequestMapping("/api/reports/service")
class ServiceReportController {

  /** Who reads the figures: auditors and the approving leads and managers; admins always. */
  static final List<String> READERS = ServiceReportRequest.READERS;
  static final MediaType CSV = ServiceReportRequest.CSV;

  private final ServiceFigures figures;
  private final ApiAccess access;
  private final Languages languages;

  /**
   * The yearly PDF is the customer's: its labels are in {@code language} when asked for, else in the
   * customer's language (their latest case's {@code customer.language}), else in {@code aftersales.locale}.
   * The CSV's header, units and definitions are in the request's language ({@link Languages#of(String)}).
   */
  ServiceReportController(ServiceFigures figures, ApiAccess access, Languages languages) {
    this.figures = figures;
    this.access = access;
    this.languages = languages;
  }

  @GetMapping
  ResponseEntity<?> report(@RequestParam(required = false) String from, @RequestParam(required = false) String to,
      @RequestParam(required = false) String customerId, @RequestParam(required = false) String format,
      @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
      @RequestHeader(value = HttpHeaders.ACCEPT_LANGUAGE, required = false) String acceptLanguage) {
    access.require("read service reports", READERS);
    ServiceReportRequest request = ServiceReportRequest.parse(from, to, customerId, format, accept);
    ServiceReport report = request.report(figures);
    if (request.csv()) {
      return ResponseEntity.ok().contentType(CSV)
          .header(HttpHeaders.CONTENT_DISPOSITION,
              ServiceReportRequest.csvContentDisposition(report))
          .header(HttpHeaders.VARY, HttpHeaders.ACCEPT_LANGUAGE)
          .body(ServiceReportRequest.csv(report, languages.of(acceptLanguage)));
    }
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_JSON).body(report);
  }

  @GetMapping("/{customerId}.pdf")
  ResponseEntity<byte[]> yearly(@PathVariable String customerId, @RequestParam(required = false) String year,
      @RequestParam(required = false) String language) {
    access.require("read service reports", READERS);
    int reportYear = year(year);
    Language asked = language == null ? null : Language.of(language);
    if (language != null && (asked == null || !List.of("zh-CN", "en").contains(language))) {
      throw ApiException.badField("language", "must be one of zh-CN, en");
    }
    String name = figures.customerName(customerId)
        .orElseThrow(() -> ApiException.notFound("No case of customer " + customerId));
    Language reader = asked != null ? asked
        : figures.customerLanguage(customerId).map(Language::of).orElse(languages.fallback());
    ReportTexts texts = ReportTexts.of(reader.locale());
    ServiceReport thisYear = figures.report(LocalDate.of(reportYear, 1, 1), LocalDate.of(reportYear, 12, 31),
        customerId);
    ServiceReport lastYear = figures.report(LocalDate.of(reportYear - 1, 1, 1),
        LocalDate.of(reportYear - 1, 12, 31), customerId);
    byte[] pdf = ServiceReportPdf.render(new ServiceReportPdf.Yearly(customerId, name, reportYear, thisYear,
        lastYear), texts);
    return ResponseEntity.ok().contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("service-report-" + customerId + "-" + reportYear + ".pdf", StandardCharsets.UTF_8)
            .build().toString())
        .body(pdf);
  }

  /**
   * Errors as JSON whatever the client accepts (CSV or PDF): the shape of {@code ApiErrors},
   * with the content type set so content negotiation cannot turn them into a 406.
   */
  @ExceptionHandler(ApiException.class)
  ResponseEntity<Map<String, Object>> refused(ApiException e) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", e.status().value());
    body.put("error", e.status().getReasonPhrase());
    body.put("message", e.getMessage());
    if (!e.fields().isEmpty()) {
      body.put("fields", e.fields());
    }
    return ResponseEntity.status(e.status()).contentType(MediaType.APPLICATION_JSON).body(body);
  }

  private static int year(String value) {
    if (value == null || value.isBlank()) {
      throw ApiException.badField("year", "is required");
    }
    try {
      int year = Integer.parseInt(value.trim());
      if (year >= 2000 && year <= 9999) {
        return year;
      }
    } catch (NumberFormatException e) {
      // answered below
    }
    throw ApiException.badField("year", "must be a year from 2000 to 9999, not '" + value + "'");
  }
}
