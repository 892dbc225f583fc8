package org.aftersales.operations;

import static org.assertj.core.api.Assertions.assertThat;

import org.camunda.bpm.engine.impl.cfg.StandaloneInMemProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.jobexecutor.DefaultJobExecutor;
import org.junit.jupiter.api.Test;

/** The node's name as the engine's host and job lock owner; ClusterIT sees both in the database. */
class NodeNameTest {

  @Test
  void aNamedNodeOwnsItsJobLocksAndItsJobLogUnderThatName() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    NodeName plugin = new NodeName(" app1 ");
    plugin.preInit(configuration);
    plugin.postInit(configuration);

    assertThat(configuration.getHostname()).isEqualTo("app1");
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo("app1");
  }

  @Test
  void withoutANameCamundasDefaultsStay() {
    StandaloneInMemProcessEngineConfiguration configuration = configuration();
    String lockOwner = configuration.getJobExecutor().getLockOwner();
    NodeName plugin = new NodeName("");
    plugin.preInit(configuration);
    plugin.postInit(configuration);

    assertThat(configuration.getHostname()).isNull();
    assertThat(configuration.getJobExecutor().getLockOwner()).isEqualTo(lockOwner).isNotBlank();
  }

  private static StandaloneInMemProcessEngineConfiguration configuration() {
    StandaloneInMemProcessEngineConfiguration configuration = new StandaloneInMemProcessEngineConfiguration();
    configuration.setJobExecutor(new DefaultJobExecutor());
    return configuration;
  }
}
