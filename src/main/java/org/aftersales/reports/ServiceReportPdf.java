package org.aftersales.reports;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;

/**
 * The customer's yearly service report as one A4 page: the year's figures beside the year
 * before (with the change), and a bar chart drawn with PDFBox's own graphics.
 */
final class ServiceReportPdf {

  /** One customer's year and the year before, as the PDF shows them. */
  record Yearly(String customerId, String customerName, int year, ServiceReport thisYear, ServiceReport lastYear) {
  }

  private static final float MARGIN = 50;
  private static final float[] LAST_YEAR_COLOUR = {0.62f, 0.65f, 0.70f};
  private static final float[] THIS_YEAR_COLOUR = {0.10f, 0.38f, 0.70f};

  private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
  private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);

  static byte[] render(Yearly yearly) {
    return new ServiceReportPdf().document(yearly);
  }

  private byte[] document(Yearly yearly) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      document.getDocumentInformation().setTitle("Service report " + yearly.year() + " " + yearly.customerId());
      document.getDocumentInformation().setAuthor("Aftersales Flow");
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      float width = page.getMediaBox().getWidth();
      float top = page.getMediaBox().getHeight() - MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        text(content, bold, 18, MARGIN, top, "Service report " + yearly.year());
        text(content, regular, 11, MARGIN, top - 22,
            "Customer: " + yearly.customerName() + " (" + yearly.customerId() + ")");
        text(content, regular, 9, MARGIN, top - 38, "Cases opened " + yearly.thisYear().from() + " to "
            + yearly.thisYear().to() + " (" + yearly.thisYear().zone() + "), compared with " + (yearly.year() - 1)
            + ". Definitions: README, \"Service report\".");
        float chartTop = top - 60;
        chart(content, yearly, MARGIN, chartTop - 190, width - 2 * MARGIN, 170);
        table(content, yearly, MARGIN, chartTop - 225, width - 2 * MARGIN);
      }
      document.save(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not write the service report PDF", e);
    }
  }

  /** Bars per figure group: the year before (grey) beside this year (blue), scaled to the largest. */
  private void chart(PDPageContentStream content, Yearly yearly, float x, float y, float width, float height)
      throws IOException {
    String[] labels = {"Requests", "Bugs", "Pure service", "SLA breaches"};
    long[] last = counts(yearly.lastYear());
    long[] now = counts(yearly.thisYear());
    long max = 1;
    for (int i = 0; i < labels.length; i++) {
      max = Math.max(max, Math.max(last[i], now[i]));
    }
    text(content, bold, 11, x, y + height + 4, "Requests, bugs, pure service and SLA breaches");
    float plotBottom = y + 16;
    float plotHeight = height - 34;
    content.setStrokingColor(0f, 0f, 0f);
    content.setLineWidth(0.5f);
    content.moveTo(x, plotBottom);
    content.lineTo(x + width, plotBottom);
    content.stroke();
    float group = width / labels.length;
    float bar = Math.min(40, group / 3);
    for (int i = 0; i < labels.length; i++) {
      float left = x + i * group + (group - 2 * bar - 6) / 2;
      bar(content, left, plotBottom, bar, plotHeight * last[i] / max, LAST_YEAR_COLOUR, last[i]);
      bar(content, left + bar + 6, plotBottom, bar, plotHeight * now[i] / max, THIS_YEAR_COLOUR, now[i]);
      text(content, regular, 9, left, y + 2, labels[i]);
    }
    legend(content, x + width - 150, y + height + 4, LAST_YEAR_COLOUR, String.valueOf(yearly.year() - 1));
    legend(content, x + width - 80, y + height + 4, THIS_YEAR_COLOUR, String.valueOf(yearly.year()));
  }

  private static long[] counts(ServiceReport report) {
    long breaches = report.slaBreaches().values().stream().mapToLong(Long::longValue).sum();
    return new long[] {report.requestsHandled(), report.bugs(), report.pureService(), breaches};
  }

  private void bar(PDPageContentStream content, float x, float bottom, float width, float height, float[] colour,
      long value) throws IOException {
    content.setNonStrokingColor(colour[0], colour[1], colour[2]);
    content.addRect(x, bottom, width, Math.max(height, 0.5f));
    content.fill();
    content.setNonStrokingColor(0f, 0f, 0f);
    text(content, regular, 8, x + 2, bottom + height + 3, String.valueOf(value));
  }

  private void legend(PDPageContentStream content, float x, float y, float[] colour, String label)
      throws IOException {
    content.setNonStrokingColor(colour[0], colour[1], colour[2]);
    content.addRect(x, y, 10, 8);
    content.fill();
    content.setNonStrokingColor(0f, 0f, 0f);
    text(content, regular, 9, x + 14, y, label);
  }

  /** Figure, the year before, this year, change. */
  private void table(PDPageContentStream content, Yearly yearly, float x, float y, float width) throws IOException {
    float[] columns = {x, x + width * 0.52f, x + width * 0.68f, x + width * 0.84f};
    text(content, bold, 11, x, y, "Figures and the year before");
    y -= 18;
    String[] header = {"Figure", String.valueOf(yearly.year() - 1), String.valueOf(yearly.year()), "Change"};
    for (int i = 0; i < header.length; i++) {
      text(content, bold, 9, columns[i], y, header[i]);
    }
    content.setLineWidth(0.5f);
    content.moveTo(x, y - 4);
    content.lineTo(x + width, y - 4);
    content.stroke();
    for (String[] row : rows(yearly.lastYear(), yearly.thisYear())) {
      y -= 14;
      for (int i = 0; i < row.length; i++) {
        text(content, regular, 9, columns[i], y, row[i]);
      }
    }
  }

  static List<String[]> rows(ServiceReport last, ServiceReport now) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row("Requests handled", last.requestsHandled(), now.requestsHandled()));
    rows.add(row("First response, mean (min)", last.firstResponse().meanMinutes(), now.firstResponse().meanMinutes()));
    rows.add(row("First response, 90th percentile (min)", last.firstResponse().p90Minutes(),
        now.firstResponse().p90Minutes()));
    rows.add(row("Bugs", last.bugs(), now.bugs()));
    rows.add(row("Bug share (%)", percent(last.bugShare()), percent(now.bugShare())));
    rows.add(row("Bug resolution rate (%)", percent(last.bugResolutionRate()), percent(now.bugResolutionRate())));
    rows.add(row("Pure service", last.pureService(), now.pureService()));
    rows.add(row("Service hours", last.serviceTime().hours(), now.serviceTime().hours()));
    Map<String, Long> kinds = new TreeMap<>(last.slaBreaches());
    now.slaBreaches().keySet().forEach(kind -> kinds.putIfAbsent(kind, 0L));
    for (String kind : kinds.keySet()) {
      rows.add(row("SLA breaches, " + kind, last.slaBreaches().getOrDefault(kind, 0L),
          now.slaBreaches().getOrDefault(kind, 0L)));
    }
    rows.add(row("Satisfaction, average (1-5)", last.satisfaction().average(), now.satisfaction().average()));
    rows.add(row("Returned units recovered", last.returnedUnits().recovered(), now.returnedUnits().recovered()));
    rows.add(row("Returned units not recovered", last.returnedUnits().notRecovered(),
        now.returnedUnits().notRecovered()));
    Map<String, BigDecimal[]> refunds = new TreeMap<>();
    last.refunds().forEach(r -> refunds.computeIfAbsent(r.type() + " " + r.currency(), k -> new BigDecimal[2])[0] =
        r.amount());
    now.refunds().forEach(r -> refunds.computeIfAbsent(r.type() + " " + r.currency(), k -> new BigDecimal[2])[1] =
        r.amount());
    refunds.forEach((key, amounts) -> rows.add(row("Refunds, " + key, zeroIfNone(amounts[0], amounts[1]),
        zeroIfNone(amounts[1], amounts[0]))));
    return rows;
  }

  private static BigDecimal zeroIfNone(BigDecimal amount, BigDecimal other) {
    return amount != null ? amount : BigDecimal.ZERO.setScale(other.scale());
  }

  private static BigDecimal percent(BigDecimal ratio) {
    return ratio == null ? null : ratio.movePointRight(2).setScale(2, RoundingMode.HALF_EVEN);
  }

  private static String[] row(String figure, long last, long now) {
    return row(figure, BigDecimal.valueOf(last), BigDecimal.valueOf(now));
  }

  private static String[] row(String figure, BigDecimal last, BigDecimal now) {
    String change = last == null || now == null ? "-" : signed(now.subtract(last));
    return new String[] {figure, last == null ? "-" : last.toPlainString(), now == null ? "-" : now.toPlainString(),
        change};
  }

  private static String signed(BigDecimal change) {
    return change.signum() > 0 ? "+" + change.toPlainString() : change.toPlainString();
  }

  private void text(PDPageContentStream content, PDType1Font font, float size, float x, float y, String text)
      throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(printable(font, text));
    content.endText();
  }

  /** The standard fonts know WinAnsi only: other characters (e.g. Chinese names) print as '?'. */
  private static String printable(PDType1Font font, String text) {
    StringBuilder safe = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      String character = new String(Character.toChars(codePoint));
      try {
        font.encode(character);
        safe.append(character);
      } catch (IOException | IllegalArgumentException e) {
        safe.append('?');
      }
    });
    return safe.toString();
  }
}
