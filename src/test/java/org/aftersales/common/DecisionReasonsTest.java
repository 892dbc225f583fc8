package org.aftersales.common;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.Decision;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Output;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every reason a DMN table gives people exists in English, word for word as the table says it, and
 * in Chinese; nothing else is in the files; the reasons are shown and recognised in both languages.
 */
class DecisionReasonsTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Test
  void everyReasonOfEveryTableIsInBothLanguages() throws IOException {
    Bundle en = DecisionReasons.bundle(Language.EN);
    Bundle zh = DecisionReasons.bundle(Language.ZH_CN);
    Map<String, String> reasons = tableReasons();
    assertThat(reasons).hasSizeGreaterThan(40);
    Set<String> outputs = new TreeSet<>();
    reasons.forEach((key, english) -> {
      assertThat(en.get(key)).as("English of %s", key).isEqualTo(english);
      assertThat(zh.get(key)).as("Chinese of %s", key).isNotBlank().containsPattern(CHINESE);
      assertThat(DecisionReasons.in(Language.ZH_CN, english)).as(key).isEqualTo(zh.get(key));
      assertThat(DecisionReasons.in(Language.EN, english)).as(key).isEqualTo(english);
    });
    assertThat(en.keys()).as("keys no table has").isEqualTo(reasons.keySet());
    assertThat(zh.keys()).as("keys no table has").isEqualTo(reasons.keySet());
  }

  @Test
  void oneEnglishReasonHasOneChineseOne() {
    Bundle en = DecisionReasons.bundle(Language.EN);
    Bundle zh = DecisionReasons.bundle(Language.ZH_CN);
    Map<String, String> chineseOf = new HashMap<>();
    for (String key : en.keys()) {
      String earlier = chineseOf.putIfAbsent(en.get(key), zh.get(key));
      assertThat(earlier == null ? zh.get(key) : earlier).as(key).isEqualTo(zh.get(key));
    }
  }

  @Test
  void anUnknownReasonStaysAsStoredAndAShownOneIsRecognised() {
    String changedByAnAdmin = "Covered by our goodwill programme.";
    assertThat(DecisionReasons.in(Language.ZH_CN, changedByAnAdmin)).isEqualTo(changedByAnAdmin);
    assertThat(DecisionReasons.in(Language.ZH_CN, null)).isNull();

    String stored = "Covered by the 24-month warranty for hardware products.";
    assertThat(DecisionReasons.shows("在硬件产品 24 个月保修范围内。", stored)).isTrue();
    assertThat(DecisionReasons.shows(stored, stored)).isTrue();
    assertThat(DecisionReasons.shows("在硬件产品 36 个月保修范围内。", stored)).isFalse();
    assertThat(DecisionReasons.shows("anything", changedByAnAdmin)).isFalse();
  }

  /** decision id.rule id → the reason's text, for every output named *Reason of every table. */
  private static Map<String, String> tableReasons() throws IOException {
    Map<String, String> reasons = new HashMap<>();
    Resource[] tables = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.dmn");
    assertThat(tables).hasSizeGreaterThan(4);
    for (Resource resource : tables) {
      DmnModelInstance dmn;
      try (InputStream in = resource.getInputStream()) {
        dmn = Dmn.readModelFromStream(in);
      }
      for (Decision decision : dmn.getModelElementsByType(Decision.class)) {
        if (!(decision.getExpression() instanceof DecisionTable table)) {
          continue;
        }
        List<Output> outputs = List.copyOf(table.getOutputs());
        for (int column = 0; column < outputs.size(); column++) {
          if (outputs.get(column).getName() == null || !outputs.get(column).getName().endsWith("Reason")) {
            continue;
          }
          assertThat(DecisionReasons.VARIABLES).as("reason outputs localised in Tasklist")
              .contains(outputs.get(column).getName());
          for (Rule rule : table.getRules()) {
            String text = List.copyOf(rule.getOutputEntries()).get(column).getTextContent().trim();
            reasons.put(decision.getId() + "." + rule.getId(), text.substring(1, text.length() - 1));
          }
        }
      }
    }
    return reasons;
  }
}
