package org.aftersales.integration.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;

/** Issue 15, point 2: what customers and staff are told exists in Chinese and in English. */
class NoticeTextsTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final Pattern NOTICE_OF = Pattern.compile("Notice\\.of\\(\\s*\"([a-z-]+)\"\\s*[,)]");

  @Test
  void bothLanguagesHaveTheSameTextsWithTheSameValues() {
    Bundle en = NoticeTexts.bundle(Language.EN);
    Bundle zh = NoticeTexts.bundle(Language.ZH_CN);
    assertThat(zh.keys()).isEqualTo(en.keys());
    for (String key : en.keys()) {
      assertThat(new TreeSet<>(Bundle.placeholders(zh.get(key)))).as(key)
          .isEqualTo(new TreeSet<>(Bundle.placeholders(en.get(key))));
      String words = zh.get(key).replaceAll("\\$\\{[^}]+}", "").trim();
      if (!words.isEmpty()) {
        assertThat(zh.get(key)).as("Chinese of %s", key).containsPattern(CHINESE);
      }
    }
  }

  @Test
  void everyNoticeTheCodeSendsHasASubjectAndAMessage() throws IOException {
    Bundle en = NoticeTexts.bundle(Language.EN);
    Set<String> kinds = new TreeSet<>();
    try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
      for (Path source : sources.filter(p -> p.toString().endsWith(".java")).toList()) {
        Matcher matcher = NOTICE_OF.matcher(Files.readString(source));
        while (matcher.find()) {
          kinds.add(matcher.group(1));
        }
      }
    }
    assertThat(kinds).hasSizeGreaterThan(30);
    kinds.addAll(Set.of("approval-approved", "approval-rejected")); // FinishApproval: "approval-" + outcome
    for (String kind : kinds) {
      assertThat(en.get(kind + ".subject")).as("%s.subject", kind).isNotNull();
      boolean message = en.get(kind + ".message") != null
          || en.keys().stream().anyMatch(key -> key.startsWith(kind + ".") && key.endsWith(".message"));
      assertThat(message).as("a message of %s", kind).isTrue();
    }
  }

  @Test
  void aNoticeIsSaidInEachLanguageWithReasonsCodesAndStepNamesInThatLanguage() {
    Notice quote = Notice.of("repair-quote", "caseNumber", "AS-2026-000042", "total", "1140.00 CNY",
        "expiresAt", "2026-12-10 18:00", "warrantyReason", "The 24-month warranty for hardware products has ended.",
        "details", "主板更换");
    NoticeTexts.Words chinese = NoticeTexts.say(quote, Language.ZH_CN);
    assertThat(chinese.subject()).isEqualTo("工单 AS-2026-000042：您的维修报价");
    assertThat(chinese.message()).isEqualTo("本次维修不在保修范围内（硬件产品的 24 个月保修期已过。）。我们的报价：1140.00 CNY。\n"
        + "主板更换\n请在 2026-12-10 18:00 前告诉我们是否进行维修。");
    NoticeTexts.Words english = NoticeTexts.say(quote, Language.EN);
    assertThat(english.subject()).isEqualTo("Case AS-2026-000042: your repair quote");
    assertThat(english.message()).startsWith("The repair is not covered by the warranty (The 24-month warranty");

    Notice rejected = Notice.of("refund-adjustment-rejected", "caseNumber", "AS-2026-000042",
        "adjustmentType", "partial-refund", "amount", "200.00 CNY");
    assertThat(NoticeTexts.say(rejected, Language.ZH_CN).message()).startsWith("我们无法按您的申请批准金额为 200.00 CNY 的部分退款。");
    assertThat(NoticeTexts.say(rejected, Language.EN).message()).startsWith("We could not approve the partial refund of");

    Notice urged = Notice.of("approval-urged", "actor", "lead", "stepName", "Director approval");
    assertThat(NoticeTexts.say(urged, Language.ZH_CN).message()).isEqualTo("lead 正在等待“总监审批”");
  }

  @Test
  void aVariantWithoutItsOwnSubjectTakesTheKinds() {
    Notice settled = Notice.of("refund-adjustment-settled", "caseNumber", "AS-1", "amount", "5 CNY",
        "reference", "FIN-1", "invoice", "INV-9");
    assertThat(NoticeTexts.say(settled.variant("write-off"), Language.EN).subject())
        .isEqualTo("Case AS-1: adjustment settled");
    assertThat(NoticeTexts.say(settled.variant("full-refund"), Language.EN).subject())
        .isEqualTo("Case AS-1: money refunded");
  }

  @Test
  void aMissingValueOrTextIsAMistakeNotAMessage() {
    assertThatThrownBy(() -> NoticeTexts.say(Notice.of("repair-paid"), Language.ZH_CN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("${caseNumber}");
    assertThatThrownBy(() -> NoticeTexts.say(Notice.of("no-such-notice", "caseNumber", "AS-1"), Language.EN))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("no-such-notice");
  }
}
