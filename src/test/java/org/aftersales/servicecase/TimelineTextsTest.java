package org.aftersales.servicecase;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.camunda.bpm.model.bpmn.instance.Gateway;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.SequenceFlow;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;

/** Every named step of our models that is no user task has its name in the timeline's files, in both languages. */
class TimelineTextsTest {

  private static final Pattern CHINESE = Pattern.compile("\\p{IsHan}");

  @Test
  void everyOtherStepIsNamedInBothLanguagesAndNoKeyIsLeftOver() throws IOException {
    Bundle en = TimelineTexts.bundle(Language.EN);
    Bundle zh = TimelineTexts.bundle(Language.ZH_CN);
    Set<String> keys = new TreeSet<>();
    for (Resource resource : new PathMatchingResourcePatternResolver().getResources("classpath*:processes/*.bpmn")) {
      BpmnModelInstance model;
      try (InputStream in = resource.getInputStream()) {
        model = Bpmn.readModelFromStream(in);
      }
      for (Process process : model.getModelElementsByType(Process.class)) {
        if (!process.isExecutable()) {
          continue;
        }
        for (FlowElement element : model.getModelElementsByType(FlowElement.class)) {
          if (element instanceof UserTask || element instanceof Gateway || element instanceof SequenceFlow
              || element.getName() == null || !inProcess(element, process)) {
            continue;
          }
          String key = process.getId() + "." + element.getId();
          keys.add(key);
          String name = String.join(" ", element.getName().trim().split("\\s+"));
          assertThat(en.get(key)).as("timeline_en.properties " + key).isEqualTo(name);
          assertThat(zh.get(key)).as("timeline_zh_CN.properties " + key).containsPattern(CHINESE);
          assertThat(TimelineTexts.activityName(process.getId(), element.getId(), name, Language.ZH_CN))
              .isEqualTo(zh.get(key));
        }
      }
    }
    assertThat(en.keys()).isEqualTo(keys);
    assertThat(zh.keys()).isEqualTo(keys);
  }

  @Test
  void userTasksAsTasklistNamesThemAndUnknownNamesAsTheyAre() {
    assertThat(TimelineTexts.activityName("service-request", "AcknowledgeCustomer", "Acknowledge customer", Language.ZH_CN))
        .isEqualTo("受理客户");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Case opened", Language.ZH_CN)).isEqualTo("工单已创建");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Ticket opened", Language.ZH_CN))
        .isEqualTo("Ticket opened");
    assertThat(TimelineTexts.activityName("service-request", "CaseOpened", "Case opened", Language.EN)).isEqualTo("Case opened");
  }

  private static boolean inProcess(FlowElement element, Process process) {
    for (var parent = element.getParentElement(); parent != null; parent = parent.getParentElement()) {
      if (parent == process) {
        return true;
      }
    }
    return false;
  }
}
