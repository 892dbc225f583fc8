package org.aftersales.forms;

import java.io.IOException;
import java.io.InputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Collections;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.form.FormData;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.repository.ProcessDefinitionQuery;
import org.camunda.bpm.engine.variable.value.SerializableValue;
import org.camunda.bpm.engine.variable.value.TypedValue;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The Camunda Form a task or start event uses, read from the deployment as the engine
 * resolves it ({@code camunda:formRef} with its binding, or a {@code camunda-forms:} form key),
 * so forms deployed later from Modeler count at once. Looked up as the system: the check must
 * not depend on what the caller may read.
 */
@Component
public class DeployedForms {

  private static final Logger LOG = LoggerFactory.getLogger(DeployedForms.class);
  private static final int CACHE_SIZE = 256;

  private final FormService formService;
  private final TaskService taskService;
  private final RepositoryService repositoryService;
  private final SystemAuthority system;
  private final ProcessEngineConfigurationImpl configuration;
  /** Parsed forms by the SHA-256 of their JSON: a redeployed, changed form is a new entry. */
  private final Map<String, CamundaForm> parsed = Collections.synchronizedMap(
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, CamundaForm> eldest) {
          return size() > CACHE_SIZE;
        }
      });

  public DeployedForms(FormService formService, TaskService taskService, RepositoryService repositoryService,
      SystemAuthority system, ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
    this.formService = formService;
    this.taskService = taskService;
    this.repositoryService = repositoryService;
    this.system = system;
  }

  /**
   * Whether the current caller may complete the task, checked as the engine checks it
   * ({@code TASK_WORK}): a caller who may not learns nothing about the form or the task's
   * values, and gets the engine's own 403 or 404.
   */
  public boolean callerMayWorkOn(String taskId) {
    return allowed(context -> {
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return false;
      }
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkTaskWork(task);
      }
      return true;
    });
  }

  /** Whether the current caller may start an instance of the definition. */
  public boolean callerMayStart(String processDefinitionId) {
    return allowed(context -> {
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(processDefinitionId);
      for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
        checker.checkCreateProcessInstance(definition);
      }
      return true;
    });
  }

  private boolean allowed(Command<Boolean> check) {
    try {
      return configuration.getCommandExecutorTxRequired().execute(check);
    } catch (AuthorizationException e) {
      return false;
    } catch (ProcessEngineException e) {
      LOG.debug("Not checked: {}", e.getMessage());
      return false;
    }
  }

  /** The task's Camunda Form; empty for an unknown task or a task without one. */
  public Optional<CamundaForm> taskForm(String taskId) {
    return system.call(() -> {
      try {
        if (!isCamundaForm(formService.getTaskFormData(taskId))) {
          return Optional.empty();
        }
        return read(formService.getDeployedTaskForm(taskId), "task " + taskId);
      } catch (ProcessEngineException e) {
        LOG.debug("No Camunda Form checked for task {}: {}", taskId, e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** The start form of a process definition; empty for an unknown definition or one without a Camunda Form. */
  public Optional<CamundaForm> startForm(String processDefinitionId) {
    return system.call(() -> {
      try {
        if (!isCamundaForm(formService.getStartFormData(processDefinitionId))) {
          return Optional.empty();
        }
        return read(formService.getDeployedStartForm(processDefinitionId), "process definition "
            + processDefinitionId);
      } catch (ProcessEngineException e) {
        LOG.debug("No Camunda Form checked for process definition {}: {}", processDefinitionId, e.getMessage());
        return Optional.empty();
      }
    });
  }

  /** The definition {@code /process-definition/key/{key}/submit-form} starts: the latest version. */
  public Optional<String> latestDefinitionId(String key, String tenantId) {
    return system.call(() -> {
      ProcessDefinitionQuery query = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
          .latestVersion();
      query = tenantId == null ? query.withoutTenantId() : query.tenantIdIn(tenantId);
      return Optional.ofNullable(query.singleResult()).map(ProcessDefinition::getId);
    });
  }

  /**
   * The task's variables as the form check compares them. Objects are not deserialized: a stored
   * object that cannot be read (older data) must not turn every completion of the task into a 500.
   */
  public Map<String, Object> taskVariables(String taskId) {
    return system.call(() -> {
      Map<String, Object> values = new LinkedHashMap<>();
      var typed = taskService.getVariablesTyped(taskId, false);
      for (String name : typed.keySet()) {
        TypedValue value = typed.getValueTyped(name);
        values.put(name, value instanceof SerializableValue serializable && !serializable.isDeserialized()
            ? serializable.getValueSerialized() : value.getValue());
      }
      return values;
    });
  }

  private static boolean isCamundaForm(FormData data) {
    return data != null && (data.getCamundaFormRef() != null
        || (data.getFormKey() != null && data.getFormKey().startsWith("camunda-forms:")));
  }

  private Optional<CamundaForm> read(InputStream stream, String owner) {
    try (InputStream in = stream) {
      byte[] json = in.readAllBytes();
      String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(json));
      CamundaForm form = parsed.get(digest);
      if (form == null) {
        form = CamundaForm.parse(json);
        parsed.put(digest, form);
      }
      return Optional.of(form);
    } catch (IOException e) {
      LOG.warn("The deployed form of {} is not a readable Camunda Form; not checked: {}", owner, e.getMessage());
      return Optional.empty();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
