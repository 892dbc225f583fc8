package org.aftersales.approval;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** When a step with several approvers is decided, by sign mode. */
class SignModeTest {

  @ParameterizedTest(name = "{0} of {1}: {2} approved, {3} rejected -> {5}")
  @CsvSource(nullValues = "open", textBlock = """
      single, 1, 0, 0, 1.0,    open
      single, 1, 1, 0, 1.0,    approved
      single, 1, 0, 1, 1.0,    rejected
      single, 2, 1, 0, 1.0,    open
      all,    3, 2, 0, 1.0,    open
      all,    3, 3, 0, 1.0,    approved
      all,    3, 2, 1, 1.0,    rejected
      all,    3, 0, 1, 1.0,    rejected
      any,    3, 0, 0, 1.0,    open
      any,    3, 1, 0, 1.0,    approved
      any,    3, 0, 1, 1.0,    rejected
      ratio,  3, 1, 0, 0.6666666666666666, open
      ratio,  3, 2, 0, 0.6666666666666666, approved
      ratio,  3, 1, 1, 0.6666666666666666, open
      ratio,  3, 0, 2, 0.6666666666666666, rejected
      ratio,  3, 2, 0, 0.67,   open
      ratio,  4, 2, 1, 0.5,    approved
      ratio,  4, 1, 2, 0.5,    open
      ratio,  4, 1, 3, 0.5,    rejected
      ratio,  5, 3, 0, 0.6666666666666666, open
      ratio,  5, 4, 0, 0.6666666666666666, approved
      """)
  void outcome(String mode, int instances, int approvals, int rejections, double ratio, String expected) {
    assertThat(SignMode.of(mode).outcome(instances, approvals, rejections, ratio)).isEqualTo(expected);
  }
}
