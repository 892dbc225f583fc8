package org.aftersales.servicecase;

import java.time.Instant;
import java.util.Date;
import org.aftersales.common.SystemAuthority;
import org.aftersales.integration.finance.FinancePostingRepository;
import org.camunda.bpm.engine.HistoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Keeps the history of a case that moved money longer than the processes' own time to live.
 * With removal-time-based cleanup a case's called processes go with the case's root instance,
 * so the root decides; once a closed case's root has ended, every instance of the case (its
 * business key: the case, what it called, its approvals and desks) gets the longer removal
 * time, set by a batch.
 */
@Component
public class CaseHistoryRetention {

  private static final Logger LOG = LoggerFactory.getLogger(CaseHistoryRetention.class);

  private final FinancePostingRepository postings;
  private final HistoryService historyService;
  private final SystemAuthority system;
  private final CaseSettings settings;

  public CaseHistoryRetention(FinancePostingRepository postings, HistoryService historyService,
      SystemAuthority system, CaseSettings settings) {
    this.postings = postings;
    this.historyService = historyService;
    this.system = system;
    this.settings = settings;
  }

  /** At closing, in the engine's transaction: after it commits, a case with postings is kept longer. */
  public void caseClosing(String caseNumber, Instant closedAt) {
    if (postings.findByCaseNumberOrderById(caseNumber).isEmpty()) {
      return;
    }
    Date removal = Date.from(closedAt.plus(settings.moneyHistoryTimeToLive()));
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        try {
          system.run(() -> historyService.setRemovalTimeToHistoricProcessInstances().absoluteRemovalTime(removal)
              .byQuery(historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(caseNumber))
              .hierarchical().executeAsync());
          LOG.info("Case {}: moved money; its history is kept until {}", caseNumber, removal.toInstant());
        } catch (RuntimeException e) {
          LOG.error("Case {}: could not extend its history's removal time to {}; set it in Cockpit or by"
              + " POST /engine-rest/history/process-instance/set-removal-time", caseNumber, removal.toInstant(), e);
        }
      }
    });
  }
}
