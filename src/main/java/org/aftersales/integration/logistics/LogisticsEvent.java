package org.aftersales.integration.logistics;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * The carrier's news on a shipment ({@code POST /api/events/logistics}). {@code eventId}
 * makes a redelivery recognisable; without it, the shipment's state decides.
 * {@code occurredAt} defaults to the time we hear of it.
 */
public record LogisticsEvent(
    @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
    String trackingNumber,
    @NotBlank(message = "is required")
    @Pattern(regexp = "picked-up|received|delivered|exception",
        message = "must be one of picked-up, received, delivered, exception")
    String status,
    @Size(max = 100, message = "must be at most 100 characters")
    String eventId,
    Instant occurredAt,
    @Size(max = 2000, message = "must be at most 2000 characters")
    String note) {

  public static final String PICKED_UP = "picked-up";
  public static final String RECEIVED = "received";
  public static final String DELIVERED = "delivered";
  public static final String EXCEPTION = "exception";
}
