package org.aftersales.operations;

import io.micrometer.core.instrument.FunctionCounter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.metrics.Meter;
import org.camunda.bpm.engine.management.Metrics;
import org.springframework.stereotype.Component;

/**
 * Publishes the engine's own metrics through Micrometer (Camunda 7.24 ships no such
 * integration). A counter is what the engine has already written to its meter log plus
 * what it still holds in memory until the next report, so it is current at every scrape
 * and survives restarts.
 */
@Component
public class EngineMetrics implements MeterBinder {

  private static final Map<String, String> COUNTERS = Map.of(
      Metrics.JOB_SUCCESSFUL, "camunda.jobs.executed",
      Metrics.JOB_FAILED, "camunda.jobs.failed",
      Metrics.ACTIVTY_INSTANCE_START, "camunda.activity.instances.started",
      Metrics.ACTIVTY_INSTANCE_END, "camunda.activity.instances.ended",
      Metrics.ROOT_PROCESS_INSTANCE_START, "camunda.process.instances.started",
      Metrics.EXECUTED_DECISION_ELEMENTS, "camunda.decision.elements.executed");

  private final ManagementService managementService;
  private final RuntimeService runtimeService;
  private final ProcessEngineConfigurationImpl configuration;

  public EngineMetrics(ManagementService managementService, RuntimeService runtimeService,
      ProcessEngineConfigurationImpl configuration) {
    this.managementService = managementService;
    this.runtimeService = runtimeService;
    this.configuration = configuration;
  }

  @Override
  public void bindTo(MeterRegistry registry) {
    COUNTERS.forEach((engineName, meterName) ->
        FunctionCounter.builder(meterName, this, metrics -> metrics.total(engineName))
            .description("Camunda engine metric '" + engineName + "' since the database was created")
            .register(registry));
    Gauge.builder("camunda.incidents.open", runtimeService, service -> service.createIncidentQuery().count())
        .description("Open incidents: failed jobs and other problems waiting for an operator")
        .register(registry);
    Gauge.builder("camunda.jobs.executable", managementService,
            service -> service.createJobQuery().executable().count())
        .description("Jobs due and waiting for the job executor")
        .register(registry);
  }

  /** The engine's total for one metric: reported to the database plus not yet reported. */
  public long total(String engineMetric) {
    long reported = managementService.createMetricsQuery().name(engineMetric).sum();
    Meter pending = configuration.getMetricsRegistry().getDbMeters().get(engineMetric);
    return reported + (pending == null ? 0 : pending.get());
  }
}
