package org.aftersales;

import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.complete;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.execute;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.job;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.runtimeService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskService;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.withVariables;

import java.util.Map;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.camunda.bpm.engine.form.CamundaFormRef;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.test.Deployment;
import org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests;
import org.camunda.bpm.engine.test.junit5.ProcessEngineExtension;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The Modeler fixture on the in-memory engine: the harness every process test builds on
 * (camunda-bpm-junit5 plus camunda-bpm-assert), and both routes of its decision table.
 */
@Deployment(resources = {
    "modeler/modeler-smoke.bpmn", "modeler/modeler-smoke-route.dmn", "modeler/modeler-smoke-review.form"})
class ModelerSmokeProcessTest {

  // Not camunda.cfg.xml: the engine lookup of the Spring tests would find and start that one.
  @RegisterExtension
  static ProcessEngineExtension engine = ProcessEngineExtension.builder()
      .configurationResource("process-test.camunda.cfg.xml").build();

  @BeforeEach
  void registerDelegate() {
    // camunda-bpm-assert keeps the engine per thread: Spring scenario tests in this JVM set theirs.
    BpmnAwareTests.init(engine.getProcessEngine());
    Mocks.register("modelerSmokeDelegate", (JavaDelegate) execution -> execution.setVariable("prepared", true));
  }

  @AfterEach
  void resetMocks() {
    Mocks.reset();
  }

  @Test
  void smallAmountsGoToTheStandardQueue() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("modeler-smoke", "AS-2026-000001",
        Map.of("amount", 999));
    assertThat(pi).isWaitingAt("PrepareSmoke");
    execute(job());
    assertThat(pi).hasPassed("PrepareSmoke", "RouteSmoke").isWaitingAt("ReviewSmoke")
        .variables().containsEntry("queue", "standard").containsEntry("prepared", true);
    assertThat(task()).hasCandidateGroup("customer-service");
    CamundaFormRef form = taskService().createTaskQuery().initializeFormKeys().singleResult().getCamundaFormRef();
    org.assertj.core.api.Assertions.assertThat(form.getKey()).isEqualTo("modeler-smoke-review");
    org.assertj.core.api.Assertions.assertThat(form.getBinding()).isEqualTo("deployment");
    complete(task(), withVariables("reviewed", true));
    assertThat(pi).isEnded();
  }

  @Test
  void largeAmountsGoToThePriorityQueue() {
    ProcessInstance pi = runtimeService().startProcessInstanceByKey("modeler-smoke", "AS-2026-000002",
        Map.of("amount", 1000));
    assertThat(pi).isWaitingAt("PrepareSmoke");
    execute(job());
    assertThat(pi).isWaitingAt("ReviewSmoke").variables().containsEntry("queue", "priority");
  }
}
