package org.aftersales.reports;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.state.RenderingMode;

/**
 * The customer's yearly service report as one A4 page: the year's figures beside the year
 * before (with the change), and a bar chart drawn with PDFBox's own graphics.
 *
 * <p>Text is set in Noto Sans CJK SC (SIL OFL 1.1, shipped under {@code fonts/}, README "Chinese
 * text"), embedded as a subset of the characters used, so Chinese names and labels print on any
 * reader without fonts of its own. Headings are the same face drawn filled and stroked, as the
 * font comes in one weight only.
 */
final class ServiceReportPdf {

  /** One customer's year and the year before, as the PDF shows them. */
  record Yearly(String customerId, String customerName, int year, ServiceReport thisYear, ServiceReport lastYear) {
  }

  static final String FONT = "fonts/NotoSansCJKsc-Regular-subset.ttf";
  private static final float MARGIN = 50;
  private static final float[] LAST_YEAR_COLOUR = {0.62f, 0.65f, 0.70f};
  private static final float[] THIS_YEAR_COLOUR = {0.10f, 0.38f, 0.70f};
  /** What a character the font lacks (outside the CJK Unified Ideographs block, say) prints as. */
  private static final String MISSING = "?";
  /** Read once: 7 MB that every report would otherwise read again from the jar. */
  private static volatile byte[] fontBytes;

  private final ReportTexts texts;
  private PDFont font;

  private ServiceReportPdf(ReportTexts texts) {
    this.texts = texts;
  }

  static byte[] render(Yearly yearly, ReportTexts texts) {
    return new ServiceReportPdf(texts).document(yearly);
  }

  private byte[] document(Yearly yearly) {
    try (PDDocument document = new PDDocument(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
      font = PDType0Font.load(document, new ByteArrayInputStream(fontBytes()), true);
      String year = String.valueOf(yearly.year());
      document.getDocumentInformation().setTitle(texts.get("pdf.documentTitle", year, yearly.customerId()));
      document.getDocumentInformation().setAuthor("Aftersales Flow");
      PDPage page = new PDPage(PDRectangle.A4);
      document.addPage(page);
      float width = page.getMediaBox().getWidth();
      float top = page.getMediaBox().getHeight() - MARGIN;
      try (PDPageContentStream content = new PDPageContentStream(document, page)) {
        heading(content, 18, MARGIN, top, texts.get("pdf.title", year));
        text(content, 11, MARGIN, top - 22, texts.get("pdf.customer", yearly.customerName(), yearly.customerId()));
        text(content, 9, MARGIN, top - 38, texts.get("pdf.period", yearly.thisYear().from().toString(),
            yearly.thisYear().to().toString(), yearly.thisYear().zone(), String.valueOf(yearly.year() - 1)));
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
    String[] labels = {texts.get("pdf.chart.requests"), texts.get("pdf.chart.bugs"),
        texts.get("pdf.chart.pureService"), texts.get("pdf.chart.slaBreaches")};
    long[] last = counts(yearly.lastYear());
    long[] now = counts(yearly.thisYear());
    long max = 1;
    for (int i = 0; i < labels.length; i++) {
      max = Math.max(max, Math.max(last[i], now[i]));
    }
    heading(content, 11, x, y + height + 4, texts.get("pdf.chart.title"));
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
      text(content, 9, left, y + 2, labels[i]);
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
    text(content, 8, x + 2, bottom + height + 3, String.valueOf(value));
  }

  private void legend(PDPageContentStream content, float x, float y, float[] colour, String label)
      throws IOException {
    content.setNonStrokingColor(colour[0], colour[1], colour[2]);
    content.addRect(x, y, 10, 8);
    content.fill();
    content.setNonStrokingColor(0f, 0f, 0f);
    text(content, 9, x + 14, y, label);
  }

  /** Figure, the year before, this year, change. */
  private void table(PDPageContentStream content, Yearly yearly, float x, float y, float width) throws IOException {
    float[] columns = {x, x + width * 0.52f, x + width * 0.68f, x + width * 0.84f};
    heading(content, 11, x, y, texts.get("pdf.table.title"));
    y -= 18;
    String[] header = {texts.get("pdf.table.figure"), String.valueOf(yearly.year() - 1),
        String.valueOf(yearly.year()), texts.get("pdf.table.change")};
    for (int i = 0; i < header.length; i++) {
      heading(content, 9, columns[i], y, header[i]);
    }
    content.setLineWidth(0.5f);
    content.moveTo(x, y - 4);
    content.lineTo(x + width, y - 4);
    content.stroke();
    for (String[] row : rows(yearly.lastYear(), yearly.thisYear(), texts)) {
      y -= 14;
      for (int i = 0; i < row.length; i++) {
        text(content, 9, columns[i], y, row[i]);
      }
    }
  }

  static List<String[]> rows(ServiceReport last, ServiceReport now, ReportTexts texts) {
    List<String[]> rows = new ArrayList<>();
    rows.add(row(texts.get("figure.requestsHandled"), last.requestsHandled(), now.requestsHandled()));
    rows.add(row(texts.get("figure.firstResponse.mean"), last.firstResponse().meanMinutes(),
        now.firstResponse().meanMinutes()));
    rows.add(row(texts.get("figure.firstResponse.p90"), last.firstResponse().p90Minutes(),
        now.firstResponse().p90Minutes()));
    rows.add(row(texts.get("figure.bugs"), last.bugs(), now.bugs()));
    rows.add(row(texts.get("figure.bugShare"), percent(last.bugShare()), percent(now.bugShare())));
    rows.add(row(texts.get("figure.bugResolutionRate"), percent(last.bugResolutionRate()),
        percent(now.bugResolutionRate())));
    rows.add(row(texts.get("figure.pureService"), last.pureService(), now.pureService()));
    rows.add(row(texts.get("figure.serviceHours"), last.serviceTime().hours(), now.serviceTime().hours()));
    Map<String, Long> kinds = new TreeMap<>(last.slaBreaches());
    now.slaBreaches().keySet().forEach(kind -> kinds.putIfAbsent(kind, 0L));
    for (String kind : kinds.keySet()) {
      rows.add(row(texts.get("figure.slaBreaches", texts.getOrDefault("sla." + kind, kind)),
          last.slaBreaches().getOrDefault(kind, 0L), now.slaBreaches().getOrDefault(kind, 0L)));
    }
    rows.add(row(texts.get("figure.satisfaction"), last.satisfaction().average(), now.satisfaction().average()));
    rows.add(row(texts.get("figure.returnedUnits.recovered"), last.returnedUnits().recovered(),
        now.returnedUnits().recovered()));
    rows.add(row(texts.get("figure.returnedUnits.notRecovered"), last.returnedUnits().notRecovered(),
        now.returnedUnits().notRecovered()));
    Map<List<String>, BigDecimal[]> refunds = new TreeMap<>(
        Comparator.comparing((List<String> key) -> key.get(0)).thenComparing(key -> key.get(1)));
    last.refunds().forEach(r -> refunds.computeIfAbsent(List.of(r.type(), r.currency()), k -> new BigDecimal[2])[0] =
        r.amount());
    now.refunds().forEach(r -> refunds.computeIfAbsent(List.of(r.type(), r.currency()), k -> new BigDecimal[2])[1] =
        r.amount());
    refunds.forEach((key, amounts) -> rows.add(row(
        texts.get("figure.refunds", texts.getOrDefault("refund." + key.get(0), key.get(0)), key.get(1)),
        zeroIfNone(amounts[0], amounts[1]), zeroIfNone(amounts[1], amounts[0]))));
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

  private void text(PDPageContentStream content, float size, float x, float y, String text) throws IOException {
    content.beginText();
    content.setFont(font, size);
    content.newLineAtOffset(x, y);
    content.showText(printable(text));
    content.endText();
  }

  /** Bold as the one weight allows: the glyphs filled and outlined with a hairline. */
  private void heading(PDPageContentStream content, float size, float x, float y, String text) throws IOException {
    content.setRenderingMode(RenderingMode.FILL_STROKE);
    content.setLineWidth(size / 40);
    text(content, size, x, y, text);
    content.setRenderingMode(RenderingMode.FILL);
    content.setLineWidth(0.5f);
  }

  /** Characters the font has no glyph for (rare ideographs of the extensions, emoji) print as {@value #MISSING}. */
  private String printable(String text) {
    StringBuilder safe = new StringBuilder();
    text.codePoints().forEach(codePoint -> {
      String character = new String(Character.toChars(codePoint));
      try {
        font.encode(character);
        safe.append(character);
      } catch (IOException | IllegalArgumentException e) {
        safe.append(MISSING);
      }
    });
    return safe.toString();
  }

  private static byte[] fontBytes() throws IOException {
    byte[] bytes = fontBytes;
    if (bytes == null) {
      try (InputStream in = ServiceReportPdf.class.getClassLoader().getResourceAsStream(FONT)) {
        if (in == null) {
          throw new IOException("The report font " + FONT + " is missing from the application");
        }
        bytes = in.readAllBytes();
      }
      fontBytes = bytes;
    }
    return bytes;
  }
}
