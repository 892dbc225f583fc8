package org.aftersales.repair;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** The customer's answer to a repair quote ({@code POST /api/cases/{caseNumber}/quote-decision}). */
public record QuoteDecision(
    @NotNull(message = "is required (true or false)")
    Boolean accepted,
    @Size(max = 2000, message = "must be at most 2000 characters")
    String note) {
}
