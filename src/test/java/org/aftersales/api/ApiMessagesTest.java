package org.aftersales.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** The API's refusals a Chinese reader meets in Tasklist's tabs, what varies kept; unknown ones stay English. */
class ApiMessagesTest {

  @Test
  void knownRefusalsInChineseWithWhatVaries() {
    assertThat(ApiMessages.message("Only a current approver may transfer it", Language.ZH_CN)).isEqualTo("只有当前审批人可以转交");
    assertThat(ApiMessages.message("lead has already decided this step", Language.ZH_CN)).isEqualTo("lead 已审批过此环节");
    assertThat(ApiMessages.message("The approvers were urged at 2026-12-03T08:00:00Z; urge again after 2026-12-03T09:00:00Z",
        Language.ZH_CN)).isEqualTo("已于 2026-12-03T08:00:00Z 催办过审批人，请在 2026-12-03T09:00:00Z 之后再催办");
    assertThat(ApiMessages.field("at most 3800 characters", Language.ZH_CN)).isEqualTo("最多 3800 个字符");
    assertThat(ApiMessages.field("is not a known user", Language.ZH_CN)).isEqualTo("不是已知用户");
    assertThat(ApiMessages.message("Something new went wrong", Language.ZH_CN)).isEqualTo("Something new went wrong");
    assertThat(ApiMessages.message("Only a current approver may transfer it", Language.EN))
        .isEqualTo("Only a current approver may transfer it");
  }

  @Test
  void theTabsNameTheirLanguageProgramsThatNameNoneGetEnglish() {
    Languages languages = new Languages("zh-CN");
    MockHttpServletRequest request = new MockHttpServletRequest();
    assertThat(ApiLanguage.of(languages, request)).isEqualTo(Language.EN);
    request.addHeader("Accept-Language", "zh-CN");
    assertThat(ApiLanguage.of(languages, request)).isEqualTo(Language.ZH_CN);
    MockHttpServletRequest german = new MockHttpServletRequest();
    german.addHeader("Accept-Language", "de-DE,de;q=0.9");
    assertThat(ApiLanguage.of(languages, german)).as("aftersales.locale").isEqualTo(Language.ZH_CN);
  }
}
