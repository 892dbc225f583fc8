package org.aftersales.integration.finance;

import java.math.BigDecimal;

/**
 * What a process step asks finance to post: one posting per case and {@code adjustmentId}.
 * {@code amount} is positive, in {@code currency} (ISO 4217) with at most its minor-unit
 * digits; {@code kind} says which way the money goes.
 */
public record PostingRequest(String caseNumber, String kind, String adjustmentId, BigDecimal amount, String currency,
    String customerId, String description) {

  public static final String INVOICE = "invoice";
  public static final String REFUND = "refund";
  public static final String CREDIT_NOTE = "credit-note";
  public static final String WRITE_OFF = "write-off";
  public static final String PRICE_DIFFERENCE_INVOICE = "price-difference-invoice";
  public static final String PRICE_DIFFERENCE_REFUND = "price-difference-refund";
}
