package org.aftersales.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParser;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.camunda.bpm.engine.impl.util.xml.Namespace;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

/**
 * Writes, for every Camunda Form a scenario test reaches, the variables its task holds as the
 * engine's REST API returns them ({@code type}, {@code value}), one file per form id:
 * {@code -Daftersales.test.record-form-variables=<folder>}. These are the values, with the types
 * the real processes give them, that {@code tools/e2e/capture-submissions.mjs} puts in front of
 * Tasklist to record its submissions.
 */
@Component
@ConditionalOnProperty("aftersales.test.record-form-variables")
class FormVariablesRecorder extends AbstractProcessEnginePlugin {

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private final Path folder;

  FormVariablesRecorder(org.springframework.core.env.Environment environment) {
    this.folder = Path.of(environment.getRequiredProperty("aftersales.test.record-form-variables"));
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element element, ScopeImpl scope, ActivityImpl activity) {
        String formId = element.attributeNS(new Namespace(BpmnParser.CAMUNDA_BPMN_EXTENSIONS_NS), "formRef");
        if (formId != null && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
          behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, task -> record(formId, task));
        }
      }
    });
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  private synchronized void record(String formId, DelegateTask task) {
    Map<String, Object> variables = new TreeMap<>();
    task.getVariablesTyped(true).forEach((name, value) -> {
      TypedValue typed = task.getVariableTyped(name, true);
      if (typed != null && typed.getType() != null && typed.getType().isPrimitiveValueType()) {
        Map<String, Object> entry = new LinkedHashMap<>();
        entry.put("type", capitalized(typed.getType().getName()));
        entry.put("value", typed.getValue() instanceof Date date
            ? new SimpleDateFormat("yyyy-MM-dd'T'HH:mm:ss.SSSZ").format(date) : typed.getValue());
        variables.put(name, entry);
      }
    });
    try {
      Files.createDirectories(folder);
      JSON.writeValue(folder.resolve(formId + ".json").toFile(), variables);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String capitalized(String typeName) {
    return Character.toUpperCase(typeName.charAt(0)) + typeName.substring(1);
  }
}
