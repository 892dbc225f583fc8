package org.aftersales.bugloop;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * R&D's answer on a ticket ({@code POST /api/events/rnd}). {@code eventId}, when the
 * sender has one, makes a late redelivery recognisable even after the ticket was reopened.
 */
public record RndEvent(
    @NotBlank(message = "is required") @Size(max = 40, message = "must be at most 40 characters")
    String ticketKey,
    @NotBlank(message = "is required")
    @Pattern(regexp = "resolved|rejected", message = "must be one of resolved, rejected")
    String status,
    @Size(max = 100, message = "must be at most 100 characters")
    String eventId,
    @Size(max = 100, message = "must be at most 100 characters")
    String fixVersion,
    @Size(max = 4000, message = "must be at most 4000 characters")
    String comment) {

  public static final String RESOLVED = "resolved";
  public static final String REJECTED = "rejected";
}
