package org.aftersales.refund;

import java.math.BigDecimal;

/**
 * What "Prepare adjustment" gave: the type, the currency and the figures the type needs
 * (others may be null). {@code unitCondition} and {@code responsibility} matter for partial refunds.
 */
public record AdjustmentInput(AdjustmentType type, String currency, BigDecimal originalPrice, BigDecimal paidPrice,
    BigDecimal newPrice, String openInvoiceReference, BigDecimal openInvoiceAmount, String unitCondition,
    String responsibility) {
}
