package org.aftersales.integration.finance;

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
 * The default finance "system": each posting is recorded in {@code finance_request} and
 * becomes a task for the {@code finance} group in Tasklist (process {@code finance-desk}),
 * who confirm the settlement as finance would on {@code /api/events/finance}.
 */
@Component
@ConditionalOnProperty(name = "aftersales.integration.finance.adapter", havingValue = "embedded",
    matchIfMissing = true)
class EmbeddedFinanceAdapter implements FinancePort {

  private static final Logger LOG = LoggerFactory.getLogger(EmbeddedFinanceAdapter.class);

  private final FinanceRequestRepository requests;
  private final RuntimeService runtimeService;

  EmbeddedFinanceAdapter(FinanceRequestRepository requests, RuntimeService runtimeService) {
    this.requests = requests;
    this.runtimeService = runtimeService;
  }

  @Override
  @Transactional
  public void post(PostingOrder order, String idempotencyKey) {
    if (requests.existsByIdempotencyKey(idempotencyKey)) {
      LOG.info("Finance desk: request {} already received", idempotencyKey);
      return;
    }
    FinanceRequest received = requests.save(new FinanceRequest(idempotencyKey, order, Instant.now()));
    Map<String, Object> variables = new HashMap<>();
    variables.put(FinanceVariables.POSTING_REFERENCE, order.reference());
    variables.put(FinanceVariables.CASE_NUMBER, order.caseNumber());
    variables.put(FinanceVariables.POSTING_KIND, order.kind());
    // as text: a BigDecimal variable would need object serialization, which is off
    variables.put(FinanceVariables.AMOUNT, order.amount().toPlainString());
    variables.put(FinanceVariables.CURRENCY, order.currency());
    variables.put(FinanceVariables.CUSTOMER_ID, order.customerId());
    variables.put(FinanceVariables.DESCRIPTION, order.description());
    String instanceId = runtimeService.startProcessInstanceByKey(FinanceVariables.DESK_PROCESS_KEY,
        order.caseNumber(), variables).getId();
    received.workedIn(instanceId);
    LOG.info("Finance desk: {} {} is with the finance group", order.kind(), order.reference());
  }
}
