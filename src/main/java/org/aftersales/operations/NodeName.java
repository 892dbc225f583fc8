package org.aftersales.operations;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.jobexecutor.JobExecutor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The name of this node in a cluster ({@code aftersales.node-name}, e.g. {@code app1}): the engine's
 * host name, written to the job log ({@code ACT_HI_JOB_LOG.HOSTNAME_}) and the metrics, and the job
 * executor's lock owner ({@code ACT_RU_JOB.LOCK_OWNER_}). Without it Camunda writes the machine's
 * address (the same for two nodes on one host) and a random lock owner, so nobody can tell which
 * node holds or ran a job.
 */
@Component
public class NodeName extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(NodeName.class);

  private final String name;

  public NodeName(@Value("${aftersales.node-name:}") String name) {
    this.name = name == null ? "" : name.trim();
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (!name.isEmpty()) {
      configuration.setHostname(name);
    }
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (name.isEmpty()) {
      return;
    }
    JobExecutor jobExecutor = configuration.getJobExecutor();
    if (jobExecutor != null) {
      jobExecutor.setLockOwner(name);
    }
    LOG.info("Node name {}: job log host and job lock owner", name);
  }
}
