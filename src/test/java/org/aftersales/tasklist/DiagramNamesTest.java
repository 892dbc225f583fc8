package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.aftersales.common.Language;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.FlowElement;
import org.junit.jupiter.api.Test;

/** The diagrams Tasklist and Cockpit draw name the model's elements in the reader's language, nothing else changes. */
class DiagramNamesTest {

  @Test
  void aChineseReaderSeesTheModelsElementsInChineseWithIdsAndStructureAsDeployed() throws IOException {
    String xml;
    try (InputStream in = DiagramNamesTest.class.getClassLoader().getResourceAsStream("processes/service-request.bpmn")) {
      xml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    String chinese = DiagramNames.localise(xml, Language.ZH_CN);
    BpmnModelInstance deployed = Bpmn.readModelFromStream(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    BpmnModelInstance shown = Bpmn.readModelFromStream(new ByteArrayInputStream(chinese.getBytes(StandardCharsets.UTF_8)));

    assertThat(shown.getModelElementsByType(FlowElement.class)).hasSameSizeAs(deployed.getModelElementsByType(FlowElement.class));
    assertThat(((FlowElement) shown.getModelElementById("CaseOpened")).getName()).isEqualTo("工单已创建");
    assertThat(((FlowElement) shown.getModelElementById("AcknowledgeCustomer")).getName()).isEqualTo("受理客户");
    for (FlowElement element : deployed.getModelElementsByType(FlowElement.class)) {
      FlowElement same = shown.getModelElementById(element.getId());
      assertThat(same).as(element.getId()).isNotNull();
      if (element.getName() != null) {
        assertThat(same.getName()).as(element.getId()).isNotBlank().containsPattern("\\p{IsHan}");
      }
    }
    assertThat(chinese.replaceAll("name=\"[^\"]*\"", "")).isEqualTo(xml.replaceAll("name=\"[^\"]*\"", ""));
    assertThat(DiagramNames.localise(xml, Language.EN)).isSameAs(xml);
  }
}
