package org.aftersales.refund;

import java.util.Arrays;
import java.util.List;
import org.aftersales.integration.finance.PostingRequest;

/** What a refund adjustment does with the customer's money, and the finance posting it becomes. */
public enum AdjustmentType {

  FULL_REFUND("full-refund", PostingRequest.REFUND, true),
  PARTIAL_REFUND("partial-refund", PostingRequest.CREDIT_NOTE, true),
  WRITE_OFF("write-off", PostingRequest.WRITE_OFF, false),
  PRICE_DIFFERENCE_INVOICE("price-difference-invoice", PostingRequest.PRICE_DIFFERENCE_INVOICE, false),
  PRICE_DIFFERENCE_REFUND("price-difference-refund", PostingRequest.PRICE_DIFFERENCE_REFUND, true);

  private final String value;
  private final String postingKind;
  private final boolean paysCustomer;

  AdjustmentType(String value, String postingKind, boolean paysCustomer) {
    this.value = value;
    this.postingKind = postingKind;
    this.paysCustomer = paysCustomer;
  }

  public String value() {
    return value;
  }

  public String postingKind() {
    return postingKind;
  }

  /** Whether money goes to the customer (refunds) rather than being owed by them or cancelled. */
  public boolean paysCustomer() {
    return paysCustomer;
  }

  public static List<String> names() {
    return Arrays.stream(values()).map(AdjustmentType::value).toList();
  }

  public static AdjustmentType of(String value) {
    return Arrays.stream(values()).filter(t -> t.value.equals(value)).findFirst().orElse(null);
  }
}
