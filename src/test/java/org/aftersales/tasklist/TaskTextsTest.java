package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.aftersales.forms.CamundaForm;
import org.aftersales.forms.FormTexts;
import org.aftersales.forms.FormValidator;
import org.aftersales.forms.FormViolation;
import org.aftersales.identity.StaffGroup;
import org.aftersales.identity.TasklistFilterTexts;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.dmn.Dmn;
import org.camunda.bpm.model.dmn.DmnModelInstance;
import org.camunda.bpm.model.dmn.instance.DecisionTable;
import org.camunda.bpm.model.dmn.instance.Rule;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/**
 * Every user task, process and approval step has its name in English (as the models give it) and
 * in Chinese; Tasklist's answers show the Chinese with case number and customer kept; our filters
 * are named in both languages.
 */
class TaskTextsTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");
  private static final ObjectMapper MAPPER = new ObjectMapper();
  /** Named by a listener, not by the model (ApprovalTaskListener: the route's step name). */
  private static final Set<String> NAMED_BY_LISTENER = Set.of("task.approval.ApproveStep");

  @Test
  void everyUserTaskAndProcessIsNamedInBothLanguages() throws IOException {
    Bundle en = TaskTexts.bundle(Language.EN);
    Bundle zh = TaskTexts.bundle(Language.ZH_CN);
    Set<String> keys = new TreeSet<>();
    Resource[] models = new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn");
    assertThat(models).hasSizeGreaterThan(5);
    for (Resource resource : models) {
      BpmnModelInstance model;
      try (InputStream in = resource.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        String processKey = "process." + process.getId();
        keys.add(processKey);
        assertThat(en.get(processKey)).as(processKey).isEqualTo(process.getName());
        assertThat(zh.get(processKey)).as(processKey).containsPattern(CHINESE);
        for (UserTask task : process.getChildElementsByType(UserTask.class)) {
          String key = "task." + process.getId() + "." + task.getId();
          keys.add(key);
          if (!NAMED_BY_LISTENER.contains(key)) {
            assertThat(en.get(key)).as("tasks_en.properties " + key).isEqualTo(task.getName());
          }
          assertThat(zh.get(key)).as("tasks_zh_CN.properties " + key).isNotBlank();
          assertThat(new HashSet<>(Bundle.placeholders(zh.get(key)))).as(key)
              .isEqualTo(new HashSet<>(Bundle.placeholders(en.get(key))));
          if (!NAMED_BY_LISTENER.contains(key)) {
            assertThat(zh.get(key)).as(key).containsPattern(CHINESE);
          }
        }
        for (FlowElement element : flowElements(process.getFlowElements())) {
          if (element instanceof UserTask || element.getName() == null || element.getName().isBlank()) {
            continue;
          }
          String key = "element." + process.getId() + "." + element.getId();
          keys.add(key);
          assertThat(en.get(key)).as("tasks_en.properties " + key).isEqualTo(element.getName());
          assertThat(zh.get(key)).as("tasks_zh_CN.properties " + key).containsPattern(CHINESE);
          assertThat(TaskTexts.taskName(element.getName(), process.getId() + ":1:x", element.getId(), Language.ZH_CN))
              .as(key).isEqualTo(zh.get(key));
        }
      }
      assertThat(model.getModelElementsByType(UserTask.class)).as("user tasks outside a process's top level")
          .allSatisfy(task -> assertThat(keys).anyMatch(k -> k.endsWith("." + task.getId())));
    }
    Set<String> stepNames = approvalStepNames();
    stepNames.forEach(step -> keys.add("value.stepName." + step));
    stepNames.forEach(step -> assertThat(zh.get("value.stepName." + step)).as(step).containsPattern(CHINESE));
    assertThat(en.keys()).as("tasks_en.properties: keys of no model").isEqualTo(keys);
    assertThat(zh.keys()).as("tasks_zh_CN.properties: keys of no model").isEqualTo(keys);
  }

  @Test
  void tasklistSeesChineseNamesWithCaseAndCustomerKept() {
    assertThat(TaskTexts.taskName("Acknowledge customer · AS-2026-000042 · 北京光影影视", "service-request:3:abc",
        "AcknowledgeCustomer", Language.ZH_CN)).isEqualTo("受理客户 · AS-2026-000042 · 北京光影影视");
    assertThat(TaskTexts.taskName("Triage · AS-2026-000042", "service-request:1:x", "TriageCase", Language.ZH_CN))
        .isEqualTo("分诊 · AS-2026-000042");
    assertThat(TaskTexts.taskName("Team lead approval: Refund 900 · AS-2026-000042 · Acme", "approval:2:x",
        "ApproveStep", Language.ZH_CN)).isEqualTo("团队主管审批：Refund 900 · AS-2026-000042 · Acme");
    assertThat(TaskTexts.taskName("Approval by the board: Laptop", "approval:2:x", "ApproveStep", Language.ZH_CN))
        .as("a step an admin added to the routing").isEqualTo("Approval by the board：Laptop");
    assertThat(TaskTexts.taskName("Revise and resubmit: Laptop · AS-2026-000001", "approval:2:x", "ReviseRequest",
        Language.ZH_CN)).isEqualTo("修改后重新提交：Laptop · AS-2026-000001");
    assertThat(TaskTexts.taskName("Report shipment TRK-77 of AS-2026-000042", "logistics-desk:1:x", "ReportShipment",
        Language.ZH_CN)).isEqualTo("反馈 AS-2026-000042 的物流 TRK-77");
    assertThat(TaskTexts.taskName("Acknowledge customer · AS-2026-000042", "0f2a-generated-id",
        "AcknowledgeCustomer", Language.ZH_CN)).isEqualTo("受理客户 · AS-2026-000042");
    // A model renamed in Modeler, another process's task of the same id, English readers: as stored.
    assertThat(TaskTexts.taskName("Call the customer back · AS-2026-000042", "service-request:4:x",
        "AcknowledgeCustomer", Language.ZH_CN)).isEqualTo("Call the customer back · AS-2026-000042");
    assertThat(TaskTexts.taskName("Acknowledge customer", "admin-process:1:x", "AcknowledgeCustomer",
        Language.ZH_CN)).isEqualTo("Acknowledge customer");
    assertThat(TaskTexts.taskName("Acknowledge customer · AS-2026-000042", "service-request:3:abc",
        "AcknowledgeCustomer", Language.EN)).isEqualTo("Acknowledge customer · AS-2026-000042");
    assertThat(TaskTexts.processName("Service request", "service-request", Language.ZH_CN)).isEqualTo("服务请求");
    assertThat(TaskTexts.processName("Our own process", "service-request", Language.ZH_CN)).isEqualTo("Our own process");
  }

  @Test
  void ourFiltersAreNamedInBothLanguagesAsSeeded() {
    assertThat(TasklistFilterTexts.name("group-queue", "customer-service", Language.EN))
        .isEqualTo("Customer service — group queue");
    assertThat(TasklistFilterTexts.name("my-tasks", "service", Language.EN)).isEqualTo("My tasks");
    for (String kind : Set.of("group-queue", "group-overdue", "my-tasks", "offered-to-me", "my-requests",
        "approvals-for-me")) {
      for (StaffGroup group : StaffGroup.values()) {
        for (Language language : Language.values()) {
          assertThat(TasklistFilterTexts.name(kind, group.id(), language)).as(kind + " " + language).isNotBlank()
              .doesNotContain("${");
          assertThat(TasklistFilterTexts.description(kind, group.id(), language)).as(kind).isNotBlank()
              .doesNotContain("${");
        }
        assertThat(TasklistFilterTexts.name(kind, group.id(), Language.ZH_CN)).as(kind).containsPattern(CHINESE)
            .doesNotContain(group.id());
        assertThat(TasklistFilterTexts.description(kind, group.id(), Language.ZH_CN)).containsPattern(CHINESE);
      }
    }
  }

  @Test
  void answersOfTheEngineApiCarryChineseTextsOnly() throws IOException {
    String hal = """
        {"_embedded":{"task":[{"id":"t1","name":"Acknowledge customer · AS-2026-000042 · Acme",
          "taskDefinitionKey":"AcknowledgeCustomer","processDefinitionId":"service-request:1:p","priority":50}],
         "processDefinition":[{"id":"service-request:1:p","key":"service-request","name":"Service request",
          "version":1,"deploymentId":"d"}]},"count":1}""";
    JsonNode chinese = MAPPER.readTree(LocalisedResponses.localise(hal.getBytes(), LocalisedResponses.Answer.ENTITIES, Language.ZH_CN));
    assertThat(chinese.at("/_embedded/task/0/name").asText()).isEqualTo("受理客户 · AS-2026-000042 · Acme");
    assertThat(chinese.at("/_embedded/processDefinition/0/name").asText()).isEqualTo("服务请求");
    assertThat(chinese.at("/_embedded/task/0/taskDefinitionKey").asText()).isEqualTo("AcknowledgeCustomer");
    assertThat(chinese.at("/count").asInt()).isEqualTo(1);

    String filters = """
        [{"id":"f1","resourceType":"Task","name":"Quality assurance — group queue","owner":null,
          "properties":{"description":"Unclaimed tasks for qa","aftersalesFilter":"group-queue","owner":"qa",
          "priority":12}},
         {"id":"f2","resourceType":"Task","name":"My own list","properties":{"description":"mine",
          "aftersalesFilter":"my-tasks","owner":"qa"}},
         {"id":"f3","resourceType":"Task","name":"Offered to me","properties":{"aftersalesFilter":"offered-to-me",
          "owner":"qa","description":"Unclaimed tasks qa may claim (named or through a group)"}}]""";
    JsonNode named = MAPPER.readTree(LocalisedResponses.localise(filters.getBytes(), LocalisedResponses.Answer.ENTITIES, Language.ZH_CN));
    assertThat(named.at("/0/name").asText()).isEqualTo("质检 — 待认领");
    assertThat(named.at("/0/properties/description").asText()).isEqualTo("质检尚未认领的任务");
    assertThat(named.at("/0/properties/priority").asInt()).isEqualTo(12);
    assertThat(named.at("/1/name").asText()).as("renamed by its owner").isEqualTo("My own list");
    assertThat(named.at("/2/name").asText()).isEqualTo("待我认领");
  }

  @Test
  void aTasksVariablesShowTheReasonsOfTheTablesInTheReadersLanguage() throws IOException {
    String variables = """
        {"repairModeReason":{"type":"String","value":"Software products are serviced on site.","valueInfo":{}},
         "faultNotes":{"type":"String","value":"Software products are serviced on site.","valueInfo":{}},
         "warrantyReason":{"type":"String","value":"Changed by an admin","valueInfo":{}}}""";
    JsonNode chinese = MAPPER.readTree(LocalisedResponses.localise(variables.getBytes(),
        LocalisedResponses.Answer.VARIABLES, Language.ZH_CN));
    assertThat(chinese.at("/repairModeReason/value").asText()).isEqualTo("软件产品上门服务。");
    assertThat(chinese.at("/faultNotes/value").asText()).isEqualTo("Software products are serviced on site.");
    assertThat(chinese.at("/warrantyReason/value").asText()).isEqualTo("Changed by an admin");
  }

  @Test
  void aReadOnlyCodeIsShownByItsOptionsNameAndTakenBackAsTheCode() throws IOException {
    CamundaForm acknowledge;
    try (InputStream in = TaskTextsTest.class.getClassLoader().getResourceAsStream(
        "forms/service-request-acknowledge.form")) {
      acknowledge = CamundaForm.parse(in);
    }
    String variables = """
        {"channel":{"type":"String","value":"hotline","valueInfo":{}},
         "priority":{"type":"String","value":"urgent","valueInfo":{}},
         "description":{"type":"String","value":"hotline","valueInfo":{}},
         "acknowledgementMessage":{"type":"String","value":"hotline","valueInfo":{}}}""";
    JsonNode chinese = MAPPER.readTree(LocalisedResponses.formVariables(variables.getBytes(), acknowledge,
        Language.ZH_CN));
    assertThat(chinese.at("/channel/value").asText()).isEqualTo("热线电话");
    assertThat(chinese.at("/priority/value").asText()).isEqualTo(FormTexts.valueLabel("priority", "urgent",
        Language.ZH_CN)).containsPattern(CHINESE);
    assertThat(chinese.at("/description/value").asText()).as("no options of that key").isEqualTo("hotline");
    assertThat(chinese.at("/acknowledgementMessage/value").asText()).as("editable").isEqualTo("hotline");
    JsonNode english = MAPPER.readTree(LocalisedResponses.formVariables(variables.getBytes(), acknowledge,
        Language.EN));
    assertThat(english.at("/channel/value").asText()).isEqualTo("Hotline");

    Map<String, Object> stored = Map.of("channel", "hotline", "priority", "urgent", "caseNumber", "AS-1",
        "customerName", "x", "description", "y");
    Map<String, Object> shown = new HashMap<>(Map.of("channel", "热线电话", "priority", "Urgent",
        "acknowledgementMessage", "您好"));
    assertThat(FormValidator.validate(acknowledge, shown, stored)).isEmpty();
    shown.put("channel", "销售");
    assertThat(FormValidator.validate(acknowledge, shown, stored)).extracting(FormViolation::field)
        .containsExactly("channel");
  }

  /** The elements and those of their sub-processes, all levels. */
  private static List<FlowElement> flowElements(Collection<FlowElement> elements) {
    List<FlowElement> all = new ArrayList<>();
    for (FlowElement element : elements) {
      all.add(element);
      if (element instanceof SubProcess sub) {
        all.addAll(flowElements(sub.getFlowElements()));
      }
    }
    return all;
  }

  /** The stepName outputs of approval-routing.dmn. */
  private static Set<String> approvalStepNames() throws IOException {
    DmnModelInstance dmn;
    try (InputStream in = TaskTextsTest.class.getClassLoader().getResourceAsStream("processes/approval-routing.dmn")) {
      dmn = Dmn.readModelFromStream(in);
    }
    Set<String> names = new TreeSet<>();
    DecisionTable table = dmn.getModelElementsByType(DecisionTable.class).iterator().next();
    int column = table.getOutputs().stream().map(o -> o.getName()).toList().indexOf("stepName");
    assertThat(column).isNotNegative();
    for (Rule rule : table.getRules()) {
      String text = rule.getOutputEntries().stream().toList().get(column).getTextContent().trim();
      names.add(text.substring(1, text.length() - 1).replace("\\\"", "\""));
    }
    assertThat(names).isNotEmpty();
    return names;
  }
}
