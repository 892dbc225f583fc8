package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;

/** The timeline names steps as Tasklist and Case history do; every name's presence is TaskTextsTest's. */
class TimelineTextsTest {

  @Test
  void userTasksAsTasklistNamesThemAndUnknownNamesAsTheyAre() {
    assertThat(TimelineTexts.activityName("service-request", "AcknowledgeCustomer", "Acknowledge customer", Language.ZH_CN))
        .isEqualTo("受理客户");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Case opened", Language.ZH_CN)).isEqualTo("工单已创建");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Ticket opened", Language.ZH_CN))
        .isEqualTo("Ticket opened");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Case opened", Language.EN)).isEqualTo("Case opened");
  }
}
