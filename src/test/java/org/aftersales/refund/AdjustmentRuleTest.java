package org.aftersales.refund;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The documented amount rule with exact figures: half-even at the currency's minor unit, never a double. */
class AdjustmentRuleTest {

  @ParameterizedTest(name = "{0} x {1}% {2} = {3}")
  @CsvSource(textBlock = """
      1299.00, 100, CNY, 1299.00
      1299.00, 90,  CNY, 1169.10
      1299.00, 70,  CNY, 909.30
      1299.99, 70,  CNY, 909.99
      1299.00, 40,  CNY, 519.60
      0.65,    90,  CNY, 0.58
      0.75,    90,  CNY, 0.68
      1.25,    70,  USD, 0.88
      1.15,    70,  EUR, 0.80
      1999,    85,  JPY, 1699
      1230,    95,  JPY, 1168
      1250,    95,  JPY, 1188
      100.005, 100, CNY, 100.00
      100.015, 100, CNY, 100.02
      """)
  void partialRefundIsThePriceTimesTheRateRoundedHalfEven(String price, int percent, String currency,
      String expected) {
    Adjustment adjustment = AdjustmentRule.calculate(new AdjustmentInput(AdjustmentType.PARTIAL_REFUND, currency,
        new BigDecimal(price), null, null, null, null, "used", "customer"), percent);

    assertThat(adjustment.amount()).isEqualTo(new BigDecimal(expected)); // scale included: 909.30, not 909.3
    assertThat(adjustment.currency()).isEqualTo(currency);
    assertThat(adjustment.refundPercent()).isEqualTo(percent);
    assertThat(adjustment.postingKind()).isEqualTo("credit-note");
  }

  @Test
  void fullRefundIsTheOriginalPriceAtTheMinorUnit() {
    Adjustment adjustment = AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "CNY", "1299", null, null,
        null, null), null);

    assertThat(adjustment.amount()).isEqualTo(new BigDecimal("1299.00"));
    assertThat(adjustment.postingKind()).isEqualTo("refund");
    assertThat(adjustment.refundPercent()).isNull();
    assertThat(adjustment.basis()).isEqualTo("full refund of the original price 1299.00 CNY");
  }

  @Test
  void writeOffIsTheOpenInvoicesAmount() {
    Adjustment adjustment = AdjustmentRule.calculate(input(AdjustmentType.WRITE_OFF, "USD", null, null, null,
        " INV-2026-0042 ", "560.4"), null);

    assertThat(adjustment.amount()).isEqualTo(new BigDecimal("560.40"));
    assertThat(adjustment.postingKind()).isEqualTo("write-off");
    assertThat(adjustment.basis()).isEqualTo("write-off of invoice INV-2026-0042 over 560.40 USD");
  }

  @Test
  void priceDifferencesAreTheGapBetweenPaidAndNewPrice() {
    Adjustment pays = AdjustmentRule.calculate(input(AdjustmentType.PRICE_DIFFERENCE_INVOICE, "CNY", null,
        "1000", "1180.5", null, null), null);
    assertThat(pays.amount()).isEqualTo(new BigDecimal("180.50"));
    assertThat(pays.postingKind()).isEqualTo("price-difference-invoice");
    assertThat(pays.basis()).endsWith("the customer pays 180.50 CNY");

    Adjustment receives = AdjustmentRule.calculate(input(AdjustmentType.PRICE_DIFFERENCE_REFUND, "EUR", null,
        "1299.00", "999.90", null, null), null);
    assertThat(receives.amount()).isEqualTo(new BigDecimal("299.10"));
    assertThat(receives.postingKind()).isEqualTo("price-difference-refund");
    assertThat(receives.type().paysCustomer()).isTrue();

    // each price is taken at the minor unit first: 10.005 -> 10.00, 10.015 -> 10.02
    Adjustment rounded = AdjustmentRule.calculate(input(AdjustmentType.PRICE_DIFFERENCE_INVOICE, "CNY", null,
        "10.005", "10.015", null, null), null);
    assertThat(rounded.amount()).isEqualTo(new BigDecimal("0.02"));
  }

  @Test
  void figuresThatMakeNoAdjustmentNameTheField() {
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.PRICE_DIFFERENCE_INVOICE, "CNY", null,
        "1000", "1000.00", null, null), null)).isInstanceOf(AdjustmentException.class)
        .hasMessageStartingWith("newPrice: Must be above the price paid");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.PRICE_DIFFERENCE_REFUND, "CNY", null,
        "1000", "1000.01", null, null), null)).hasMessageStartingWith("newPrice: Must be below the price paid");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "CNY", null, null, null,
        null, null), null)).hasMessageStartingWith("originalPrice: The original price is required");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "CNY", "0.004", null, null,
        null, null), null)).hasMessageStartingWith("originalPrice: The original price must be more than 0");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "CNY", "-5", null, null,
        null, null), null)).hasMessageStartingWith("originalPrice: The original price cannot be negative");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.WRITE_OFF, "CNY", null, null, null,
        " ", "10"), null)).hasMessageStartingWith("openInvoiceReference:");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "XBT", "10", null, null,
        null, null), null)).hasMessageStartingWith("currency:");
    assertThatThrownBy(() -> AdjustmentRule.calculate(input(AdjustmentType.FULL_REFUND, "XAU", "10", null, null,
        null, null), null)).as("gold has no minor unit").hasMessageStartingWith("currency:");
    assertThatThrownBy(() -> AdjustmentRule.calculate(new AdjustmentInput(AdjustmentType.PARTIAL_REFUND, "CNY",
        new BigDecimal("0.01"), null, null, null, null, "damaged", "customer"), 40))
        .as("0.004 rounds to nothing").hasMessageContaining("nothing to post");
  }

  private static AdjustmentInput input(AdjustmentType type, String currency, String original, String paid,
      String newPrice, String invoice, String invoiceAmount) {
    return new AdjustmentInput(type, currency, decimal(original), decimal(paid), decimal(newPrice), invoice,
        decimal(invoiceAmount), null, null);
  }

  private static BigDecimal decimal(String value) {
    return value == null ? null : new BigDecimal(value);
  }
}
