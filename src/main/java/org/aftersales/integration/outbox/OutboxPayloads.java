package org.aftersales.integration.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.stereotype.Component;

/** Reads an outbox message's JSON payload back into the port's request type. */
@Component
public class OutboxPayloads {

  private final ObjectMapper objectMapper;

  public OutboxPayloads(ObjectMapper objectMapper) {
    this.objectMapper = objectMapper;
  }

  public <T> T read(OutboxMessage message, Class<T> type) {
    try {
      return objectMapper.readValue(message.getPayload(), type);
    } catch (JsonProcessingException e) {
      throw new DeliveryRefusedException("Unreadable payload of " + message.getType() + ": " + e.getOriginalMessage());
    }
  }

  public String write(Object payload) {
    try {
      return objectMapper.writeValueAsString(payload);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("Cannot write " + payload.getClass().getSimpleName() + " as JSON", e);
    }
  }
}
