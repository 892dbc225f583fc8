package org.aftersales.integration.logistics;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;

/**
 * Stand-ins for the case processes that wait on a port's answer: start, wait for the
 * message, then a task {@code After<message>}, so a test sees whether and with what the
 * message came. Business key = case number, as in the real processes.
 */
public final class WaitingCases {

  private static final AtomicInteger NEXT = new AtomicInteger((int) (System.currentTimeMillis() % 500_000));

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  public WaitingCases(RepositoryService repositoryService, RuntimeService runtimeService) {
    this.repositoryService = repositoryService;
    this.runtimeService = runtimeService;
  }

  /** A case number no other test uses (year 2098: no real case has it). */
  public static String newCaseNumber() {
    return String.format("AS-2098-%06d", NEXT.incrementAndGet());
  }

  /** Starts a case that waits for {@code message}, known by {@code variable} = {@code value}. */
  public ProcessInstance waitFor(String message, String caseNumber, String variable, String value) {
    String key = "port-test-" + message;
    BpmnModelInstance model = Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1)
        .startEvent()
        .intermediateCatchEvent("Await" + message).message(message)
        .userTask("After" + message)
        .endEvent()
        .done();
    repositoryService.createDeployment().name(key).enableDuplicateFiltering(true)
        .addModelInstance(key + ".bpmn", model).deploy();
    return runtimeService.startProcessInstanceByKey(key, caseNumber, Map.of(variable, value));
  }
}
