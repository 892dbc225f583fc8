package org.aftersales.repair;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;

/**
 * A repair quote: list price less a discount, in the currency's minor unit, rounded half-even.
 * Exact decimals only; a form's number arrives as a double and is read through its decimal text.
 */
public record Quote(BigDecimal listPrice, BigDecimal discountPercent, BigDecimal total, String currency) {

  private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

  public static Quote of(BigDecimal listPrice, BigDecimal discountPercent, String currency) {
    int minorUnit = Currency.getInstance(currency).getDefaultFractionDigits();
    BigDecimal price = listPrice.setScale(minorUnit, RoundingMode.HALF_EVEN);
    BigDecimal discount = discountPercent == null ? BigDecimal.ZERO : discountPercent;
    BigDecimal total = price.multiply(HUNDRED.subtract(discount))
        .divide(HUNDRED, minorUnit, RoundingMode.HALF_EVEN);
    return new Quote(price, discount.stripTrailingZeros(), total, currency);
  }
}
