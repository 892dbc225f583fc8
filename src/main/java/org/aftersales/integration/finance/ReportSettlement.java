package org.aftersales.integration.finance;

import java.util.Optional;
import org.aftersales.common.Variables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The embedded finance desk answers like finance would on {@code /api/events/finance}, with
 * this desk instance as the event id.
 */
@Component("reportSettlement")
public class ReportSettlement implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(ReportSettlement.class);

  private final FinanceEvents events;

  public ReportSettlement(FinanceEvents events) {
    this.events = events;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String reference = Variables.string(execution, FinanceVariables.POSTING_REFERENCE);
    String status = Variables.string(execution, FinanceVariables.SETTLEMENT_STATUS);
    // Checked first, because a refusal inside the engine's transaction would roll the desk task back.
    Optional<String> refusal = events.refusal(reference, status);
    if (refusal.isPresent()) {
      LOG.warn("Finance desk: '{}' on {} is not applied: {}", status, reference, refusal.get());
      return;
    }
    events.apply(new FinanceEvent(reference, status, "finance-desk:" + execution.getProcessInstanceId(), null,
        Variables.string(execution, FinanceVariables.FINANCE_NOTE)));
  }
}
