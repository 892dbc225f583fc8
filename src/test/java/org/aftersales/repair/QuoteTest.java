package org.aftersales.repair;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Quote totals are exact: list price less discount, half-even in the currency's minor unit. */
class QuoteTest {

  @ParameterizedTest(name = "{0} {2} less {1}% = {3}")
  @CsvSource(nullValues = "null", textBlock = """
      1200,     5,     CNY, 1140.00
      1234.50,  5,     CNY, 1172.78
      10.05,    50,    CNY, 5.02
      10.15,    50,    CNY, 5.08
      2000.05,  50,    EUR, 1000.02
      999.99,   15,    USD, 849.99
      0.1,      null,  CNY, 0.10
      100,      33.333, CNY, 66.67
      100,      100,   CNY, 0.00
      19999,    12.5,  JPY, 17499
      """)
  void totalIsRoundedHalfEvenToTheMinorUnit(String listPrice, String discount, String currency, String total) {
    Quote quote = Quote.of(new BigDecimal(listPrice), discount == null ? null : new BigDecimal(discount), currency);
    assertThat(quote.total()).isEqualTo(new BigDecimal(total));
    assertThat(quote.total().scale()).isEqualTo(new BigDecimal(total).scale());
  }
}
