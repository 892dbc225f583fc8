package org.aftersales.forms;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 14, point 1: read-only values as Tasklist sends them back. */
class ResubmittedValueTest {

  private static final List<ZoneId> ZONES = List.of(ZoneId.of("Asia/Shanghai"), ZoneOffset.UTC);
  private static final Date ARRIVE_BY = Date.from(Instant.parse("2026-12-03T18:26:29.430Z"));

  @Test
  void aStoredDateComesBackAsTheBrowsersLocalTimeWithoutZoneOrMillis() {
    assertThat(ResubmittedValue.same("2026-12-04T02:26:29", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("2026-12-03T18:26:29", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("2026-12-04T02:26", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("2026-12-03T18:26:29.430+0000", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("2026-12-04T02:26:29+08:00", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("2026-12-04", ARRIVE_BY, ZONES)).isTrue();
    assertThat(ResubmittedValue.same(ARRIVE_BY, ARRIVE_BY, ZONES)).isTrue();
  }

  @Test
  void aDateThatReallyChangedIsNotTheSame() {
    assertThat(ResubmittedValue.same("2026-12-04T03:26:29", ARRIVE_BY, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("2026-12-04T02:26:30", ARRIVE_BY, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("2026-12-05", ARRIVE_BY, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("2026-12-04T02:26:29+09:00", ARRIVE_BY, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("tomorrow", ARRIVE_BY, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("2026-12-04T10:26:29", ARRIVE_BY, List.of(ZoneOffset.UTC))).isFalse();
  }

  @Test
  void numbersBooleansAndChoicesComeBackAsTextOrAsThemselves() {
    assertThat(ResubmittedValue.same("150", 150, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("150.00", 150.0, ZONES)).isTrue();
    assertThat(ResubmittedValue.same(150L, 150, ZONES)).isTrue();
    assertThat(ResubmittedValue.same(150, "150", ZONES)).isTrue();
    assertThat(ResubmittedValue.same("151", 150, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("true", true, ZONES)).isTrue();
    assertThat(ResubmittedValue.same(true, "true", ZONES)).isTrue();
    assertThat(ResubmittedValue.same("false", true, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("depot", "depot", ZONES)).isTrue();
    assertThat(ResubmittedValue.same("on-site", "depot", ZONES)).isFalse();
    assertThat(ResubmittedValue.same(List.of("a", "b"), List.of("a", "b"), ZONES)).isTrue();
    assertThat(ResubmittedValue.same(List.of("a"), List.of("a", "b"), ZONES)).isFalse();
  }

  @Test
  void emptyAndMissingAreTheSameNothing() {
    assertThat(ResubmittedValue.same("", null, ZONES)).isTrue();
    assertThat(ResubmittedValue.same(null, null, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("x", null, ZONES)).isFalse();
    assertThat(ResubmittedValue.same(null, "x", ZONES)).isFalse();
  }

  @Test
  void aReasonShownInChineseIsTheStoredEnglishOne() {
    String stored = "A worn part is replaced: the new part is sent to the customer, who fits it.";
    assertThat(ResubmittedValue.same("更换易损件：新配件寄给客户，由客户自行安装。", stored, ZONES)).isTrue();
    assertThat(ResubmittedValue.same("软件产品上门服务。", stored, ZONES)).isFalse();
    assertThat(ResubmittedValue.same("更换易损件。", "A text no table gives", ZONES)).isFalse();
  }
}
