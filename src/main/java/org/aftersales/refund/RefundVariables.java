package org.aftersales.refund;

import java.util.List;
import org.aftersales.common.FormValues;
import org.aftersales.common.TaskInputException;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variable names and BPMN ids of {@code refund-adjustment}, and typed access to them. The form's
 * field keys are these names; the case's own variables (customer, product) come in from the
 * caller under the names of {@code ServiceRequestVariables}.
 */
public final class RefundVariables {

  public static final String PROCESS_KEY = "refund-adjustment";
  public static final String DECISION_KEY = "refund-rate";

  // BPMN ids the Java side and the tests refer to
  public static final String PREPARE_ADJUSTMENT = "PrepareAdjustment";
  public static final String POST_TO_FINANCE = "PostToFinance";
  public static final String AWAIT_PAYMENT_SETTLED = "AwaitPaymentSettled";
  public static final String APPROVAL_REJECTED_ERROR = "APPROVAL_REJECTED";

  // in (from return-exchange) and the form
  public static final String ADJUSTMENT_TYPE = "adjustmentType";
  public static final String ORIGINAL_PRICE = "originalPrice";
  public static final String PAID_PRICE = "paidPrice";
  public static final String NEW_PRICE = "newPrice";
  public static final String OPEN_INVOICE_REFERENCE = "openInvoiceReference";
  public static final String OPEN_INVOICE_AMOUNT = "openInvoiceAmount";
  public static final String CURRENCY = "currency";
  public static final String UNIT_CONDITION = "unitCondition";
  public static final String RESPONSIBILITY = "responsibility";
  public static final String ADJUSTMENT_REASON = "adjustmentReason";
  public static final String RMA_NUMBER = "rmaNumber";
  public static final List<String> UNIT_CONDITIONS = List.of("as-new", "used", "damaged");
  public static final List<String> RESPONSIBILITIES = List.of("company", "customer", "shared");

  // computed, and out to the caller
  public static final String ADJUSTMENT_PREPARED_BY = "adjustmentPreparedBy";
  public static final String ADJUSTMENT_ID = "adjustmentId";
  public static final String ADJUSTMENT_AMOUNT = "adjustmentAmount";
  public static final String ADJUSTMENT_CURRENCY = "adjustmentCurrency";
  public static final String POSTING_KIND = "postingKind";
  public static final String REFUND_PERCENT = "refundPercent";
  public static final String REFUND_RATE_REASON = "refundRateReason";
  public static final String ADJUSTMENT_SUMMARY = "adjustmentSummary";
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  public static final String ADJUSTMENT_OUTCOME = "adjustmentOutcome";
  public static final String POSTING_REFERENCE = "postingReference";
  public static final String POSTED = "posted";

  private RefundVariables() {
  }

  /** The case number: the caller's variable, else the business key (they are the same). */
  public static String caseNumber(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    return caseNumber != null ? caseNumber : execution.getProcessBusinessKey();
  }

  /** What "Prepare adjustment" gave, checked field by field; the figures a type does not need stay unread. */
  public static AdjustmentInput input(VariableScope scope) {
    AdjustmentType type = AdjustmentType.of(Variables.string(scope, ADJUSTMENT_TYPE));
    if (type == null) {
      throw new TaskInputException(ADJUSTMENT_TYPE, "Must be one of " + String.join(", ", AdjustmentType.names()));
    }
    String currency = Variables.string(scope, CURRENCY);
    return switch (type) {
      case FULL_REFUND -> new AdjustmentInput(type, currency, FormValues.decimal(scope, ORIGINAL_PRICE), null, null,
          null, null, null, null);
      case PARTIAL_REFUND -> new AdjustmentInput(type, currency, FormValues.decimal(scope, ORIGINAL_PRICE), null, null,
          null, null, FormValues.oneOf(scope, UNIT_CONDITION, UNIT_CONDITIONS),
          FormValues.oneOf(scope, RESPONSIBILITY, RESPONSIBILITIES));
      case WRITE_OFF -> new AdjustmentInput(type, currency, null, null, null,
          trimmed(scope, OPEN_INVOICE_REFERENCE, 80), FormValues.decimal(scope, OPEN_INVOICE_AMOUNT), null, null);
      case PRICE_DIFFERENCE_INVOICE, PRICE_DIFFERENCE_REFUND -> new AdjustmentInput(type, currency, null,
          FormValues.decimal(scope, PAID_PRICE), FormValues.decimal(scope, NEW_PRICE), null, null, null, null);
    };
  }

  static String trimmed(VariableScope scope, String name, int maxLength) {
    String value = Variables.string(scope, name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.trim().length() > maxLength) {
      throw new TaskInputException(name, "At most " + maxLength + " characters");
    }
    return value.trim();
  }

  public static void setAdjustment(VariableScope scope, String adjustmentId, Adjustment adjustment, String summary) {
    scope.setVariable(ADJUSTMENT_ID, adjustmentId);
    // as text: a BigDecimal variable would need object serialization, which is off
    scope.setVariable(ADJUSTMENT_AMOUNT, adjustment.amount().toPlainString());
    scope.setVariable(ADJUSTMENT_CURRENCY, adjustment.currency());
    scope.setVariable(POSTING_KIND, adjustment.postingKind());
    scope.setVariable(REFUND_PERCENT, adjustment.refundPercent());
    scope.setVariable(ADJUSTMENT_SUMMARY, summary);
  }
}
