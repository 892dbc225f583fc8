package org.aftersales.integration.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Where process steps put their side effects. {@link #enqueue} joins the caller's
 * transaction (the engine's, inside a delegate): the message exists exactly when the
 * process state that decided it was committed.
 */
@Component
public class Outbox {

  private static final Logger LOG = LoggerFactory.getLogger(Outbox.class);

  private final OutboxRepository repository;
  private final ObjectMapper objectMapper;
  // Looked up when needed: the dispatcher's handlers themselves queue through this class.
  private final ObjectProvider<OutboxDispatcher> dispatcher;

  public Outbox(OutboxRepository repository, ObjectMapper objectMapper, ObjectProvider<OutboxDispatcher> dispatcher) {
    this.repository = repository;
    this.objectMapper = objectMapper;
    this.dispatcher = dispatcher;
  }

  @Transactional(propagation = Propagation.MANDATORY)
  public OutboxMessage enqueue(String type, String caseNumber, String idempotencyKey, Object payload) {
    String json;
    try {
      json = objectMapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write outbox payload of type " + type, e);
    }
    OutboxMessage message = repository.save(new OutboxMessage(type, caseNumber, idempotencyKey, json, Instant.now()));
    LOG.info("Outbox: {} queued for case {} (key {})", type, caseNumber, idempotencyKey);
    TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
      @Override
      public void afterCommit() {
        dispatcher.getObject().dispatchSoon();
      }
    });
    return message;
  }

}
