package org.aftersales.integration.finance;

/** The finance system. Same idempotency key twice: one posting, money moves once. */
public interface FinancePort {

  void post(PostingOrder order, String idempotencyKey) throws Exception;
}
