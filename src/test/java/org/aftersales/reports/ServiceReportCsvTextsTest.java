package org.aftersales.reports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;

/**
 * The CSV's texts (issue 15): every column, unit and definition exists in English and Chinese, the
 * Chinese is not the English, and a report with every kind of row is written in both languages.
 */
class ServiceReportCsvTextsTest {

  static Map<String, String> csvTexts(String suffix) throws IOException {
    Properties properties = new Properties();
    try (InputStream in = ServiceReportCsvTextsTest.class.getResourceAsStream("messages_" + suffix + ".properties")) {
      properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
    }
    Map<String, String> texts = new LinkedHashMap<>();
    properties.stringPropertyNames().stream().filter(key -> key.startsWith("csv.")).sorted()
        .forEach(key -> texts.put(key, properties.getProperty(key)));
    return texts;
  }

  @Test
  void everyCsvTextIsTranslated() throws IOException {
    Map<String, String> en = csvTexts("en");
    Map<String, String> zh = csvTexts("zh_CN");
    assertThat(zh.keySet()).as("keys of messages_zh_CN against messages_en").isEqualTo(en.keySet());
    for (String column : ServiceReportCsv.COLUMNS) {
      assertThat(en).containsKey("csv.column." + column);
    }
    for (String unit : ServiceReportCsv.UNITS) {
      assertThat(en).containsKey("csv.unit." + unit);
    }
    en.forEach((key, english) -> {
      assertThat(english).as(key).isNotBlank();
      assertThat(zh.get(key)).as(key).isNotBlank().isNotEqualTo(english);
      for (String placeholder : placeholders(english)) {
        assertThat(zh.get(key)).as(key + " must keep " + placeholder).contains(placeholder);
      }
    });
  }

  @Test
  void everyRowHasItsUnitAndDefinitionInBothLanguages() {
    ServiceReport report = new ServiceReport("C-1", "北京星河影视", LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31),
        "Asia/Shanghai", 4, new ServiceReport.FirstResponse(3, new BigDecimal("12.50"), new BigDecimal("30.00")), 2,
        new BigDecimal("0.5000"), 1, new BigDecimal("0.5000"), 2, new ServiceReport.ServiceTime(5, 90,
        new BigDecimal("1.50")), new LinkedHashMap<>(Map.of("first-response", 1L, "on-site-arrival", 0L)),
        new ServiceReport.Satisfaction(2, new BigDecimal("4.50")), new ServiceReport.ReturnedUnits(1, 1, 1),
        List.of(new ServiceReport.Refund("full-refund", "CNY", 1, new BigDecimal("100.00"))));
    for (Language language : Language.values()) {
      List<String> lines = ServiceReportCsv.of(report, language).lines().toList();
      assertThat(lines.get(0)).isEqualTo(language == Language.ZH_CN ? "指标,数值,单位,定义" : "figure,value,unit,definition");
      for (String line : lines.subList(1, lines.size())) {
        String figure = line.substring(0, line.indexOf(','));
        assertThat(line).as(language + " " + figure).doesNotEndWith(",");
        if (!figure.startsWith("customer")) {
          assertThat(line).as(language + " " + figure + " has a unit").doesNotContain(",,");
        }
      }
    }
  }

  private static Set<String> placeholders(String text) {
    Set<String> found = new TreeSet<>();
    java.util.regex.Matcher matcher = java.util.regex.Pattern.compile("\\{\\d+}").matcher(text);
    while (matcher.find()) {
      found.add(matcher.group());
    }
    return found;
  }
}
