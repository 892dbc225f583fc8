package org.aftersales.refund;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * The adjustment amount, by type (every figure is first rounded half-even to the currency's
 * minor unit, as {@link Currency} gives it: 2 digits for CNY, USD, EUR, 0 for JPY):
 * <ul>
 *   <li>{@code full-refund}: the original price; posted as a refund.</li>
 *   <li>{@code partial-refund}: original price x refund percent / 100 (percent from DMN
 *       {@code refund-rate}), rounded half-even to the minor unit; posted as a credit note.</li>
 *   <li>{@code write-off}: the open invoice's amount; posted as a write-off.</li>
 *   <li>{@code price-difference-invoice}: new price - price paid, which must be positive (the
 *       customer pays the difference).</li>
 *   <li>{@code price-difference-refund}: price paid - new price, which must be positive (the
 *       customer receives the difference).</li>
 * </ul>
 * The amount is always positive; the posting kind says which way the money goes. Exact decimals
 * only: a form's number is read through its decimal text, never computed as a double.
 */
public final class AdjustmentRule {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  private AdjustmentRule() {
  }

  /**
   * @param refundPercent the partial refund's rate (0 to 100), ignored for other types
   * @throws AdjustmentException naming the field when the figures make no adjustment
   */
  public static Adjustment calculate(AdjustmentInput input, Integer refundPercent) {
    AdjustmentType type = input.type();
    if (type == null) {
      throw new AdjustmentException(RefundVariables.ADJUSTMENT_TYPE, "Unknown adjustment type");
    }
    Currency currency = currency(input.currency());
    int minor = currency.getDefaultFractionDigits();
    String code = currency.getCurrencyCode();
    BigDecimal amount;
    Integer percent = null;
    String basis;
    switch (type) {
      case FULL_REFUND -> {
        amount = positive(RefundVariables.ORIGINAL_PRICE, input.originalPrice(), minor, "The original price");
        basis = "full refund of the original price " + text(amount, code);
      }
      case PARTIAL_REFUND -> {
        BigDecimal price = positive(RefundVariables.ORIGINAL_PRICE, input.originalPrice(), minor, "The original price");
        if (refundPercent == null || refundPercent < 0 || refundPercent > 100) {
          throw new IllegalStateException("Decision refund-rate gave no rate between 0 and 100 (got "
              + refundPercent + ")");
        }
        percent = refundPercent;
        amount = price.multiply(BigDecimal.valueOf(refundPercent)).divide(HUNDRED, minor, RoundingMode.HALF_EVEN);
        basis = refundPercent + "% of the original price " + text(price, code) + " = " + text(amount, code);
      }
      case WRITE_OFF -> {
        if (input.openInvoiceReference() == null || input.openInvoiceReference().isBlank()) {
          throw new AdjustmentException(RefundVariables.OPEN_INVOICE_REFERENCE, "The open invoice is required");
        }
        amount = positive(RefundVariables.OPEN_INVOICE_AMOUNT, input.openInvoiceAmount(), minor,
            "The open invoice's amount");
        basis = "write-off of invoice " + input.openInvoiceReference().trim() + " over " + text(amount, code);
      }
      case PRICE_DIFFERENCE_INVOICE, PRICE_DIFFERENCE_REFUND -> {
        BigDecimal paid = atLeastZero(RefundVariables.PAID_PRICE, input.paidPrice(), minor, "The price paid");
        BigDecimal now = atLeastZero(RefundVariables.NEW_PRICE, input.newPrice(), minor, "The new price");
        boolean customerPays = type == AdjustmentType.PRICE_DIFFERENCE_INVOICE;
        amount = customerPays ? now.subtract(paid) : paid.subtract(now);
        if (amount.signum() <= 0) {
          throw new AdjustmentException(RefundVariables.NEW_PRICE, customerPays
              ? "Must be above the price paid: the customer pays the difference"
              : "Must be below the price paid: the customer receives the difference");
        }
        basis = "price paid " + text(paid, code) + ", new price " + text(now, code) + ": the customer "
            + (customerPays ? "pays " : "receives ") + text(amount, code);
      }
      default -> throw new IllegalStateException("Unhandled adjustment type " + type);
    }
    if (amount.signum() <= 0) {
      throw new AdjustmentException(RefundVariables.ORIGINAL_PRICE, "The adjustment comes to " + text(amount, code)
          + ": nothing to post");
    }
    return new Adjustment(type, amount, code, percent, basis);
  }

  /** The currency's code checked against ISO 4217, with a minor unit (not gold or special drawing rights). */
  static Currency currency(String code) {
    Currency currency = null;
    try {
      currency = code == null ? null : Currency.getInstance(code.trim());
    } catch (IllegalArgumentException e) {
      // reported below
    }
    if (currency == null || currency.getDefaultFractionDigits() < 0) {
      throw new AdjustmentException(RefundVariables.CURRENCY, "Not an ISO 4217 currency with a minor unit: " + code);
    }
    return currency;
  }

  private static BigDecimal positive(String field, BigDecimal value, int minor, String what) {
    BigDecimal rounded = atLeastZero(field, value, minor, what);
    if (rounded.signum() == 0) {
      throw new AdjustmentException(field, what + " must be more than 0");
    }
    return rounded;
  }

  private static BigDecimal atLeastZero(String field, BigDecimal value, int minor, String what) {
    if (value == null) {
      throw new AdjustmentException(field, what + " is required");
    }
    if (value.signum() < 0) {
      throw new AdjustmentException(field, what + " cannot be negative");
    }
    return value.setScale(minor, RoundingMode.HALF_EVEN);
  }

  private static String text(BigDecimal amount, String currency) {
    return amount.toPlainString() + " " + currency;
  }
}
