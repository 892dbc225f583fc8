package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashSet;
import java.util.regex.Pattern;
import org.aftersales.approval.ApprovalAction;
import org.aftersales.approval.ApprovalTexts;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.junit.jupiter.api.Test;

/**
 * What Tasklist's Case and Approval tabs read from the server in Chinese: record actions, step names
 * (also made-up ones), and the candidate groups' names in a HAL task, stored English kept.
 */
class TabTextsTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Test
  void bothLanguagesHaveTheSameKeysAndPlaceholdersAndEveryActionItsLabel() {
    Bundle en = Bundle.load("tabs", Language.EN);
    Bundle zh = Bundle.load("tabs", Language.ZH_CN);
    assertThat(zh.keys()).isEqualTo(en.keys());
    for (String key : en.keys()) {
      assertThat(zh.get(key)).as(key).containsPattern(CHINESE);
      assertThat(new HashSet<>(Bundle.placeholders(zh.get(key)))).as(key)
          .isEqualTo(new HashSet<>(Bundle.placeholders(en.get(key))));
    }
    for (ApprovalAction action : ApprovalAction.values()) {
      assertThat(en.get("action." + action.code())).as(action.code()).isEqualTo(action.label());
      assertThat(ApprovalTexts.action(action.code(), Language.ZH_CN)).isEqualTo(zh.get("action." + action.code()));
      assertThat(ApprovalTexts.action(action.code(), Language.EN)).isEqualTo(action.label());
    }
    assertThat(ApprovalTexts.action("something-new", Language.ZH_CN)).isEqualTo("something-new");
  }

  @Test
  void stepNamesOfTheRoutingTableAndTheOnesMadeOfThem() {
    assertThat(ApprovalTexts.stepName("Team lead approval", Language.ZH_CN)).isEqualTo("团队主管审批");
    assertThat(ApprovalTexts.stepName("Escalated: Manager approval", Language.ZH_CN)).isEqualTo("已升级：经理审批");
    assertThat(ApprovalTexts.stepName("Step 3", Language.ZH_CN)).isEqualTo("第 3 步");
    assertThat(ApprovalTexts.stepName("Board approval", Language.ZH_CN)).isEqualTo("Board approval");
    assertThat(ApprovalTexts.stepName("Team lead approval", Language.EN)).isEqualTo("Team lead approval");
  }

  @Test
  void candidateGroupsOfAHalTaskByTheirChineseNamesWhileStoredInTheSeededEnglish() throws Exception {
    String hal = """
        {"id":"t1","name":"Acknowledge customer","taskDefinitionKey":"AcknowledgeCustomer",
         "processDefinitionId":"service-request:1:x",
         "_embedded":{"group":[
           {"_links":{"self":{"href":"/group/customer-service"}},"_embedded":null,"id":"customer-service","name":"Customer service","type":"WORKFLOW"},
           {"_links":{"self":{"href":"/group/qa"}},"_embedded":null,"id":"qa","name":"Our QA team","type":"WORKFLOW"}],
          "identityLink":[{"type":"candidate","groupId":"customer-service","userId":null,"taskId":"t1"}]}}
        """;
    JsonNode chinese = MAPPER.readTree(LocalisedResponses.localise(hal.getBytes(), LocalisedResponses.Answer.ENTITIES, Language.ZH_CN));
    JsonNode groups = chinese.path("_embedded").path("group");
    assertThat(groups.get(0).path("name").asText()).isEqualTo("客服");
    assertThat(groups.get(1).path("name").asText()).as("renamed by an admin").isEqualTo("Our QA team");
    assertThat(chinese.path("_embedded").path("identityLink").get(0).path("type").asText()).isEqualTo("candidate");

    JsonNode list = MAPPER.readTree(LocalisedResponses.localise(
        "[{\"id\":\"approver-lead\",\"name\":\"Approvers: team leads\",\"type\":\"WORKFLOW\"}]".getBytes(), LocalisedResponses.Answer.ENTITIES,
        Language.ZH_CN));
    assertThat(list.get(0).path("name").asText()).isEqualTo("审批人：团队主管");

    ObjectNode saved = (ObjectNode) MAPPER.readTree("{\"id\":\"qa\",\"name\":\"质检\",\"type\":\"WORKFLOW\"}");
    assertThat(GroupNames.restoreStored(saved, "qa", Language.ZH_CN)).isTrue();
    assertThat(saved.path("name").asText()).isEqualTo("Quality assurance");
    ObjectNode renamed = (ObjectNode) MAPPER.readTree("{\"id\":\"qa\",\"name\":\"质检部\",\"type\":\"WORKFLOW\"}");
    assertThat(GroupNames.restoreStored(renamed, "qa", Language.ZH_CN)).isFalse();
  }
}
