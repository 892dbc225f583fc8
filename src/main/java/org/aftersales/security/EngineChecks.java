package org.aftersales.security;

import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.CommandChecker;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.persistence.entity.JobEntity;
import org.springframework.stereotype.Component;

/** The engine's own authorization checks, asked ahead of a request for the current caller. */
@Component
public class EngineChecks {

  /** What the caller may do with a resource; HIDDEN is also what an unknown id gets. */
  public enum Access { ALLOWED, DENIED, HIDDEN }

  private final ProcessEngineConfigurationImpl configuration;

  public EngineChecks(ProcessEngine engine) {
    this.configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
  }

  /**
   * Whether the current caller (no administrator) may update, and so execute, the job as
   * {@code ExecuteJobsCmd} checks it. A job outside any process instance (history cleanup, batches)
   * has nothing for the engine to check against, so it is the administrators' alone.
   */
  public Access jobUpdate(String jobId) {
    return configuration.getCommandExecutorTxRequired().execute(context -> {
      JobEntity job = context.getJobManager().findJobById(jobId);
      if (job == null) {
        return Access.HIDDEN;
      }
      if (job.getProcessInstanceId() == null && job.getProcessDefinitionId() == null) {
        return Access.DENIED;
      }
      try {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkReadJob(job);
        }
      } catch (AuthorizationException e) {
        return Access.HIDDEN;
      }
      try {
        for (CommandChecker checker : context.getProcessEngineConfiguration().getCommandCheckers()) {
          checker.checkUpdateJob(job);
        }
        return Access.ALLOWED;
      } catch (AuthorizationException e) {
        return Access.DENIED;
      }
    });
  }
}
