package org.aftersales.integration.finance;

import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;

/**
 * Finance's answer on a posting ({@code POST /api/events/finance}). {@code amount}, when
 * sent, must be the posted amount; {@code eventId} makes a redelivery recognisable.
 */
public record FinanceEvent(
    @NotBlank(message = "is required") @Size(max = 80, message = "must be at most 80 characters")
    String reference,
    @NotBlank(message = "is required")
    @Pattern(regexp = "settled|failed", message = "must be one of settled, failed")
    String status,
    @Size(max = 100, message = "must be at most 100 characters")
    String eventId,
    @Positive(message = "must be positive")
    // The postings' column is numeric(19,4); a bigger number (1e999999999) cannot be a posted amount.
    @Digits(integer = 15, fraction = 4, message = "must have at most 15 digits before and 4 after the point")
    BigDecimal amount,
    @Size(max = 2000, message = "must be at most 2000 characters")
    String note) {

  public static final String SETTLED = "settled";
  public static final String FAILED = "failed";
}
