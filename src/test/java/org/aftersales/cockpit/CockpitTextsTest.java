package org.aftersales.cockpit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.aftersales.api.ApiException;
import org.aftersales.api.FieldProblem;
import org.aftersales.approval.ApprovalAction;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

/** The server's texts of our Cockpit plugins (i18n/cockpit_*): complete in both languages, refusals recognised. */
class CockpitTextsTest {

  @Test
  void everyTextHasItsChineseWithTheSamePlaceholders() {
    Bundle en = CockpitTexts.bundle(Language.EN);
    Bundle zh = CockpitTexts.bundle(Language.ZH_CN);
    assertThat(zh.keys()).isEqualTo(en.keys());
    for (String key : en.keys()) {
      assertThat(en.get(key)).as(key).isNotBlank();
      assertThat(zh.get(key)).as(key).isNotBlank().isNotEqualTo(en.get(key));
      assertThat(Bundle.placeholders(zh.get(key))).as(key).containsExactlyInAnyOrderElementsOf(
          Bundle.placeholders(en.get(key)));
    }
  }

  @Test
  void everyApprovalActionHasItsWordsAndTheEnglishIsTheActionsLabel() {
    for (ApprovalAction action : ApprovalAction.values()) {
      assertThat(CockpitTexts.approvalAction(action.code(), Language.EN)).isEqualTo(action.label());
      assertThat(CockpitTexts.approvalAction(action.code(), Language.ZH_CN)).isNotEqualTo(action.label());
    }
    assertThat(CockpitTexts.approvalAction("some-new-code", Language.ZH_CN)).isEqualTo("some-new-code");
  }

  @Test
  void theServiceReportsRefusalsInChineseKeepTheirFieldsAndValues() {
    ApiException refused = CockpitTexts.refusal(ApiException.badRequest(List.of(
        new FieldProblem("to", "must not be before from (2026-02-01)"),
        new FieldProblem("from", "is required (YYYY-MM-DD)"),
        new FieldProblem("format", "something we have no words for"))), Language.ZH_CN);
    assertThat(refused.status()).isEqualTo(HttpStatus.BAD_REQUEST);
    assertThat(refused.getMessage()).isEqualTo("请求中有字段不正确");
    assertThat(refused.fields()).containsExactly(new FieldProblem("to", "不能早于开始日期（2026-02-01）"),
        new FieldProblem("from", "为必填项（YYYY-MM-DD）"), new FieldProblem("format", "something we have no words for"));
    assertThat(CockpitTexts.refusal("User 'kpi-service' may not read service reports (needs one of the groups auditors,"
        + " approver-lead)", Language.ZH_CN)).isEqualTo("用户“kpi-service”无权查看服务报告（需属于以下组之一：auditors, approver-lead）");
    assertThat(CockpitTexts.refusal("must be json or csv", Language.EN)).isEqualTo("must be json or csv");
  }

  @Test
  void approvalStepsAreNamedAsTasklistNamesThem() {
    assertThat(CockpitTexts.stepName("Team lead approval", Language.ZH_CN)).isEqualTo("团队主管审批");
    assertThat(CockpitTexts.stepName("Team lead approval", Language.EN)).isEqualTo("Team lead approval");
    assertThat(CockpitTexts.stepName("A step added later", Language.ZH_CN)).isEqualTo("A step added later");
  }
}
