package org.aftersales.tasklist;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.aftersales.approval.ApprovalVariables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Task names as Tasklist lists them: "Acknowledge customer · AS-2026-000042 · Acme Film Studio".
 *
 * <p>The models keep their readable names for Modeler and Cockpit; when a user task of a case
 * process is created, the case number and the customer's name are appended, so a person sees
 * whose case a task is before opening it. The values come from the task's process or, for a
 * called process such as {@code approval} that does not carry them, from the process that
 * called it. A name that already holds the case number is left as it is.
 *
 * <p>A process engine plugin (the Spring Boot starter applies every {@code ProcessEnginePlugin}
 * bean) adds the listener while the models are parsed, also to models deployed later from Modeler.
 */
@Component
public class TaskNames extends AbstractProcessEnginePlugin {

  /** The processes of a service case (public contract); desks of the embedded adapters are not. */
  static final Set<String> CASE_PROCESSES = Set.of("service-request", "repair", "return-exchange",
      "refund-adjustment", "bug-escalation", ApprovalVariables.PROCESS_KEY);

  static final String SEPARATOR = " · ";

  /** ACT_RU_TASK.NAME_ holds 255 characters. */
  static final int MAX_LENGTH = 255;

  /** Callers above a task's process that are searched for the case (case → repair → approval is two). */
  private static final int MAX_CALL_DEPTH = 5;

  static final TaskListener APPEND_CASE = TaskNames::appendCase;

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners() == null
        ? new ArrayList<>() : new ArrayList<>(configuration.getCustomPostBPMNParseListeners());
    listeners.add(new CaseTaskParseListener());
    configuration.setCustomPostBPMNParseListeners(listeners);
  }

  static final class CaseTaskParseListener extends AbstractBpmnParseListener {

    @Override
    public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
      if (activity.getProcessDefinition() instanceof ProcessDefinitionEntity definition
          && CASE_PROCESSES.contains(definition.getKey())
          && activity.getActivityBehavior() instanceof UserTaskActivityBehavior behavior) {
        // Appended after the model's own create listeners, which may set the name themselves.
        behavior.getTaskDefinition().addTaskListener(TaskListener.EVENTNAME_CREATE, APPEND_CASE);
      }
    }
  }

  static void appendCase(DelegateTask task) {
    DelegateExecution execution = task.getExecution();
    String caseNumber = caseValue(execution, ServiceRequestVariables.CASE_NUMBER);
    String name = task.getName() == null ? "" : task.getName();
    if (caseNumber == null || name.contains(caseNumber)) {
      return;
    }
    String customer = caseValue(execution, ServiceRequestVariables.CUSTOMER_NAME);
    task.setName(name(name, caseNumber, customer));
  }

  static String name(String name, String caseNumber, String customer) {
    String suffix = caseNumber + (customer == null ? "" : SEPARATOR + customer);
    String full = name.isBlank() ? suffix : name + SEPARATOR + suffix;
    return full.length() <= MAX_LENGTH ? full : full.substring(0, MAX_LENGTH - 1) + "…";
  }

  /** A text variable of the task's process, else of the processes that called it. */
  static String caseValue(DelegateExecution execution, String variable) {
    DelegateExecution at = execution;
    for (int depth = 0; at != null && depth <= MAX_CALL_DEPTH; depth++) {
      if (at.getVariable(variable) instanceof String value && !value.isBlank()) {
        return value;
      }
      at = at.getProcessInstance().getSuperExecution();
    }
    return null;
  }
}
