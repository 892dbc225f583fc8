package org.aftersales;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * The Modeler element templates describe the service tasks as the models have them: one template
 * per delegate bean, and each step of that bean has exactly what the template's bindings write
 * (asynchronous or not, the same local inputs), so applying a template in Modeler changes nothing
 * the engine runs.
 */
class ElementTemplatesTest {

  private static final String BPMN = "http://www.omg.org/spec/BPMN/20100524/MODEL";
  private static final String CAMUNDA = "http://camunda.org/schema/1.0/bpmn";

  record Template(String id, int version, String delegateExpression, boolean asyncBefore,
      Map<String, List<String>> inputs) {
  }

  @Test
  void everyServiceTaskOfOursHasATemplateWhoseBindingsItMatches() throws Exception {
    Map<String, Template> byExpression = serviceTaskTemplates();
    List<String> checked = new ArrayList<>();

    for (Path model : files(Path.of("processes"), ".bpmn")) {
      var factory = DocumentBuilderFactory.newInstance();
      factory.setNamespaceAware(true);
      NodeList tasks = factory.newDocumentBuilder().parse(model.toFile()).getElementsByTagNameNS(BPMN, "serviceTask");
      for (int i = 0; i < tasks.getLength(); i++) {
        Element task = (Element) tasks.item(i);
        String where = model.getFileName() + "#" + task.getAttribute("id");
        String expression = task.getAttributeNS(CAMUNDA, "delegateExpression");
        if (expression.isEmpty()) {
          continue;
        }
        Template template = byExpression.get(expression);
        assertThat(template).as("template for %s (%s)", expression, where).isNotNull();

        assertThat("true".equals(task.getAttributeNS(CAMUNDA, "asyncBefore")))
            .as("%s asyncBefore as template %s says", where, template.id()).isEqualTo(template.asyncBefore());
        if (template.asyncBefore()) {
          assertThat(task.getElementsByTagNameNS(CAMUNDA, "failedJobRetryTimeCycle").getLength())
              .as("%s keeps its retry cycle (templates cannot carry one)", where).isEqualTo(1);
        }
        Map<String, String> inputs = new TreeMap<>();
        NodeList parameters = task.getElementsByTagNameNS(CAMUNDA, "inputParameter");
        for (int p = 0; p < parameters.getLength(); p++) {
          Element parameter = (Element) parameters.item(p);
          inputs.put(parameter.getAttribute("name"), parameter.getTextContent().trim());
        }
        assertThat(inputs.keySet()).as("%s local inputs", where).isEqualTo(template.inputs().keySet());
        inputs.forEach((name, value) -> assertThat(template.inputs().get(name))
            .as("%s input %s is one of the template's choices", where, name).contains(value));
        if (task.hasAttributeNS(CAMUNDA, "modelerTemplate")) {
          assertThat(task.getAttributeNS(CAMUNDA, "modelerTemplate")).as(where).isEqualTo(template.id());
          assertThat(task.getAttributeNS(CAMUNDA, "modelerTemplateVersion")).as(where)
              .isEqualTo(String.valueOf(template.version()));
        }
        checked.add(where);
      }
    }
    assertThat(checked).hasSizeGreaterThan(50);
  }

  /** Service task templates by the delegate expression they set; one per expression. */
  private static Map<String, Template> serviceTaskTemplates() throws IOException {
    ObjectMapper json = new ObjectMapper();
    Map<String, Template> byExpression = new HashMap<>();
    for (Path file : files(Path.of(".camunda/element-templates"), ".json")) {
      JsonNode root = json.readTree(file.toFile());
      for (JsonNode node : root.isArray() ? root : json.createArrayNode().add(root)) {
        if (!node.path("appliesTo").toString().contains("bpmn:ServiceTask")) {
          continue;
        }
        String expression = null;
        boolean async = false;
        Map<String, List<String>> inputs = new TreeMap<>();
        for (JsonNode property : node.path("properties")) {
          JsonNode binding = property.path("binding");
          String name = binding.path("name").asText();
          switch (binding.path("type").asText()) {
            case "property" -> {
              if (name.equals("camunda:delegateExpression")) {
                assertThat(property.path("type").asText()).isEqualTo("Hidden");
                expression = property.path("value").asText();
              } else if (name.equals("camunda:asyncBefore")) {
                async = property.path("value").asBoolean();
              }
            }
            case "camunda:inputParameter" -> {
              List<String> values = new ArrayList<>();
              property.path("choices").forEach(choice -> values.add(choice.path("value").asText()));
              if (values.isEmpty()) {
                values.add(property.path("value").asText());
              }
              inputs.put(name, values);
            }
            default -> throw new AssertionError(file + ": unexpected binding " + binding);
          }
        }
        String id = node.path("id").asText();
        assertThat(id).isEqualTo("org.aftersales." + expression.substring(2, expression.length() - 1));
        assertThat(byExpression).as("one template for %s", expression).doesNotContainKey(expression);
        byExpression.put(expression, new Template(id, node.path("version").asInt(), expression, async, inputs));
      }
    }
    return byExpression;
  }

  private static List<Path> files(Path folder, String extension) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files.filter(file -> file.toString().endsWith(extension)).sorted().toList();
    }
  }
}
