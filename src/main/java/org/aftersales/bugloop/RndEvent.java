package org.aftersales.bugloop;

import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * R&D's answer on a ticket ({@code POST /api/events/rnd}). {@code round} (sent to R&D with
 * each open and reopen) or {@code eventId} make a late redelivery recognisable after the
 * ticket was reopened; without either, the ticket's state decides.
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
    String comment,
    @Min(value = 1, message = "must be 1 or more")
    Integer round) {

  public RndEvent(String ticketKey, String status, String eventId, String fixVersion, String comment) {
    this(ticketKey, status, eventId, fixVersion, comment, null);
  }

  public static final String RESOLVED = "resolved";
  public static final String REJECTED = "rejected";
}
