package org.aftersales.integration.finance;

/** Messages and variables by which finance's answers reach the waiting case, and the desk's variables. */
public final class FinanceVariables {

  // what the case processes wait on
  public static final String PAYMENT_SETTLED_MESSAGE = "PaymentSettled";
  public static final String POSTING_REFERENCE = "postingReference";
  /** Set by {@code PaymentSettled}: when the money moved, ISO instant. */
  public static final String SETTLED_AT = "settledAt";

  // process finance-desk (the embedded adapter)
  public static final String DESK_PROCESS_KEY = "finance-desk";
  public static final String CASE_NUMBER = "caseNumber";
  public static final String POSTING_KIND = "postingKind";
  public static final String AMOUNT = "amount";
  public static final String CURRENCY = "currency";
  public static final String CUSTOMER_ID = "customerId";
  public static final String DESCRIPTION = "description";
  public static final String SETTLEMENT_STATUS = "settlementStatus";
  public static final String FINANCE_NOTE = "financeNote";

  private FinanceVariables() {
  }
}
