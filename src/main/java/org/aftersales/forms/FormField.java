package org.aftersales.forms;

import java.math.BigDecimal;
import java.util.List;

/**
 * One input field of a Camunda Form, with the rules form-js checks in the browser.
 *
 * @param options the static option values of a select, radio, checklist or taglist; null when the
 *     options are dynamic ({@code valuesKey}, {@code valuesExpression}) or the type has none
 * @param conditional the field has a {@code conditional.hide} expression: we cannot evaluate FEEL,
 *     so {@code required} is not enforced, the other rules are when a value is given
 * @param label what the person filling the form reads (a date field's {@code dateLabel}); null when none
 */
public record FormField(String key, String type, String subtype, boolean required, BigDecimal min,
    BigDecimal max, Integer minLength, Integer maxLength, String pattern, String validationType,
    boolean readonly, boolean disabled, List<String> options, boolean conditional, Integer decimalDigits,
    String label) {

  public boolean hasOptions() {
    return options != null;
  }
}
