package org.aftersales.integration.outbox;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import org.springframework.data.domain.PageRequest;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends due outbox messages through their handlers. A message is claimed with a
 * conditional update before it is sent, so several nodes polling the same table never
 * send one message at the same time; a node that dies while sending leaves a lease that
 * runs out, and another node sends again with the same idempotency key.
 */
@Component
public class OutboxDispatcher {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxDispatcher.class);
  private static final int MAX_ERROR_LENGTH = 2000;

  private final OutboxRepository repository;
  private final OutboxProperties properties;
  private final TransactionTemplate transaction;
  private final Map<String, OutboxHandler> handlers;
  private final ExecutorService executor = Executors.newSingleThreadExecutor(runnable -> {
    Thread thread = new Thread(runnable, "outbox-dispatch");
    thread.setDaemon(true);
    return thread;
  });
  private final AtomicBoolean scheduled = new AtomicBoolean();

  public OutboxDispatcher(OutboxRepository repository, OutboxProperties properties,
      PlatformTransactionManager transactionManager, List<OutboxHandler> handlers) {
    this.repository = repository;
    this.properties = properties;
    this.transaction = new TransactionTemplate(transactionManager);
    this.handlers = handlers.stream().collect(Collectors.toMap(OutboxHandler::type, Function.identity()));
  }

  /** Sends what is due on a background thread, soon after a transaction queued something. */
  public void dispatchSoon() {
    if (!properties.dispatchAfterCommit() || !scheduled.compareAndSet(false, true)) {
      return;
    }
    executor.execute(() -> {
      scheduled.set(false);
      try {
        dispatchDue();
      } catch (RuntimeException e) {
        LOG.warn("Outbox dispatch failed; the poller tries again", e);
      }
    });
  }

  /** Sends every message that is due now; returns how many were delivered. */
  public synchronized int dispatchDue() {
    int delivered = 0;
    while (true) {
      Instant now = Instant.now();
      List<Long> due = transaction.execute(status -> repository.findDue(now, PageRequest.of(0, properties.batchSize())));
      if (due == null || due.isEmpty()) {
        return delivered;
      }
      int claimed = 0;
      for (Long id : due) {
        Boolean sent = deliver(id);
        if (sent != null) {
          claimed++;
          if (sent) {
            delivered++;
          }
        }
      }
      if (claimed == 0 || due.size() < properties.batchSize()) {
        return delivered;
      }
    }
  }

  /** True when delivered, false when it failed, null when another sender had it. */
  private Boolean deliver(long id) {
    Instant now = Instant.now();
    Integer taken = transaction.execute(status -> repository.claim(id, now, now.plus(properties.lease())));
    if (taken == null || taken == 0) {
      return null;
    }
    OutboxMessage message = transaction.execute(status -> repository.findById(id).orElseThrow());
    MDC.put("caseNumber", message.getCaseNumber() == null ? "" : message.getCaseNumber());
    try {
      OutboxHandler handler = handlers.get(message.getType());
      if (handler == null) {
        throw new DeliveryRefusedException("No handler for outbox messages of type " + message.getType());
      }
      handler.deliver(message);
      transaction.executeWithoutResult(status -> repository.markSent(id, message.getAttempts(), Instant.now()));
      LOG.info("Outbox: {} delivered (key {}, attempt {})", message.getType(), message.getIdempotencyKey(),
          message.getAttempts());
      return true;
    } catch (Exception e) {
      failed(message, e);
      return false;
    } finally {
      MDC.remove("caseNumber");
    }
  }

  private void failed(OutboxMessage message, Exception e) {
    String error = e.getClass().getSimpleName() + ": " + e.getMessage();
    if (error.length() > MAX_ERROR_LENGTH) {
      error = error.substring(0, MAX_ERROR_LENGTH);
    }
    String lastError = error;
    boolean refused = e instanceof DeliveryRefusedException;
    if (refused || message.getAttempts() >= properties.maxAttempts()) {
      transaction.executeWithoutResult(status ->
          repository.markFailed(message.getId(), message.getAttempts(), OutboxMessage.Status.DEAD, Instant.now(),
              lastError));
      LOG.error("Outbox: {} (key {}) given up after {} attempt(s): {}; it needs a person to look at it",
          message.getType(), message.getIdempotencyKey(), message.getAttempts(), lastError);
      return;
    }
    Instant next = Instant.now().plus(properties.backoffAfter(message.getAttempts()));
    transaction.executeWithoutResult(status ->
        repository.markFailed(message.getId(), message.getAttempts(), OutboxMessage.Status.PENDING, next,
            lastError));
    LOG.warn("Outbox: {} (key {}) attempt {} failed, next at {}: {}", message.getType(),
        message.getIdempotencyKey(), message.getAttempts(), next, lastError);
  }

  @PreDestroy
  void stop() {
    executor.shutdown();
  }
}
