package org.aftersales.integration.rnd;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The default R&D "system": each request is recorded in {@code rnd_request} and becomes a
 * task for the {@code rnd} group in Tasklist (process {@code rnd-desk}), whose outcome is
 * reported back like an outside system's callback. The whole bug loop runs on a fresh
 * machine with nothing else installed.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.rnd.adapter", havingValue = "embedded", matchIfMissing = true)
class EmbeddedRndAdapter implements RndPort {

  static final String DESK_PROCESS_KEY = "rnd-desk";
  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedRndAdapter.class);

  private final RndRequestRepository requests;
  private final RuntimeService runtimeService;

  EmbeddedRndAdapter(RndRequestRepository requests, RuntimeService runtimeService) {
    this.requests = requests;
    this.runtimeService = runtimeService;
  }

  @Override
  @Transactional
  public void openTicket(RndTicketRequest request, String idempotencyKey) {
    receive(request, idempotencyKey);
  }

  @Override
  @Transactional
  public void reopenTicket(RndTicketRequest request, String idempotencyKey) {
    receive(request, idempotencyKey);
  }

  private void receive(RndTicketRequest request, String idempotencyKey) {
    if (requests.existsByIdempotencyKey(idempotencyKey)) {
      LOG.info("R&D desk: request {} already received", idempotencyKey);
      return;
    }
    RndRequest received = requests.save(new RndRequest(idempotencyKey, request, Instant.now()));
    Map<String, Object> variables = new HashMap<>();
    variables.put("ticketKey", request.ticketKey());
    variables.put("caseNumber", request.caseNumber());
    variables.put("round", request.round());
    variables.put("productSku", request.productSku());
    variables.put("productLine", request.productLine());
    variables.put("description", request.summary());
    variables.put("reproductionSteps", request.reproductionSteps());
    variables.put("retestNotes", request.retestNotes());
    String instanceId = runtimeService.startProcessInstanceByKey(DESK_PROCESS_KEY, request.caseNumber(), variables)
        .getId();
    received.workedIn(instanceId);
    LOG.info("R&D desk: ticket {} round {} ({}) is with the rnd group", request.ticketKey(), request.round(),
        request.action());
  }
}
