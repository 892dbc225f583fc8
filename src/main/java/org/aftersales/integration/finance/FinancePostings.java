package org.aftersales.integration.finance;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aftersales.common.EngineTime;
import org.aftersales.integration.outbox.Outbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Postings to finance: our record and the outbox message, in the caller's (the engine's)
 * transaction. One reference per case and adjustment: asking again returns the posting
 * already made, so a retried step never posts money twice.
 */
@Service
public class FinancePostings {

  public static final String TYPE = "finance.posting";
  private static final Set<String> KINDS = Set.of(PostingRequest.INVOICE, PostingRequest.REFUND,
      PostingRequest.CREDIT_NOTE, PostingRequest.WRITE_OFF, PostingRequest.PRICE_DIFFERENCE_INVOICE,
      PostingRequest.PRICE_DIFFERENCE_REFUND);
  private static final Logger LOG = LoggerFactory.getLogger(FinancePostings.class);

  private final FinancePostingRepository postings;
  private final Outbox outbox;

  public FinancePostings(FinancePostingRepository postings, Outbox outbox) {
    this.postings = postings;
    this.outbox = outbox;
  }

  /** Reference {@code FIN-<year>-<number>-<adjustmentId>}; the existing posting if there is one. */
  @Transactional
  public FinancePosting request(PostingRequest request) {
    check(request);
    String reference = reference(request.caseNumber(), request.adjustmentId());
    Optional<FinancePosting> existing = postings.findByReference(reference);
    if (existing.isPresent()) {
      if (existing.get().getAmount().compareTo(request.amount()) != 0
          || !existing.get().getCurrency().equals(request.currency())) {
        LOG.warn("Case {}: posting {} exists with {} {}; the request for {} {} is not posted again",
            request.caseNumber(), reference, existing.get().getAmount(), existing.get().getCurrency(),
            request.amount(), request.currency());
      }
      return existing.get();
    }
    FinancePosting posting = postings.save(new FinancePosting(reference, request, EngineTime.now()));
    outbox.enqueue(TYPE, request.caseNumber(), "finance:" + request.caseNumber() + ":" + request.adjustmentId(),
        PostingOrder.of(posting));
    LOG.info("Case {}: {} {} {} queued for finance as {}", request.caseNumber(), request.kind(),
        request.amount().toPlainString(), request.currency(), reference);
    return posting;
  }

  @Transactional(readOnly = true)
  public Optional<FinancePosting> find(String reference) {
    return postings.findByReference(reference);
  }

  @Transactional(readOnly = true)
  public List<FinancePosting> ofCase(String caseNumber) {
    return postings.findByCaseNumberOrderById(caseNumber);
  }

  public static String reference(String caseNumber, String adjustmentId) {
    return "FIN-" + caseNumber.substring("AS-".length()) + "-" + adjustmentId;
  }

  private static void check(PostingRequest request) {
    if (request == null || request.caseNumber() == null || !request.caseNumber().startsWith("AS-")) {
      throw new IllegalArgumentException("A posting needs the case number (AS-...), got "
          + (request == null ? null : request.caseNumber()));
    }
    if (!KINDS.contains(request.kind())) {
      throw new IllegalArgumentException("Unknown posting kind " + request.kind() + "; expected one of " + KINDS);
    }
    if (request.adjustmentId() == null || !request.adjustmentId().matches("[A-Za-z0-9][A-Za-z0-9_-]{0,39}")) {
      throw new IllegalArgumentException("Adjustment id must be 1 to 40 letters, digits, '-' or '_', got "
          + request.adjustmentId());
    }
    BigDecimal amount = request.amount();
    if (amount == null || amount.signum() <= 0) {
      throw new IllegalArgumentException("Posting amount must be positive, got " + amount);
    }
    Currency currency;
    try {
      currency = request.currency() == null ? null : Currency.getInstance(request.currency());
    } catch (IllegalArgumentException e) {
      currency = null;
    }
    if (currency == null || !currency.getCurrencyCode().equals(request.currency())) {
      throw new IllegalArgumentException("Unknown currency " + request.currency() + " (ISO 4217, e.g. CNY)");
    }
    int minorDigits = Math.max(currency.getDefaultFractionDigits(), 0);
    if (amount.stripTrailingZeros().scale() > minorDigits) {
      throw new IllegalArgumentException("Amount " + amount.toPlainString() + " has more than " + minorDigits
          + " decimal places for " + currency.getCurrencyCode());
    }
    if (amount.precision() - amount.scale() > 15) {
      throw new IllegalArgumentException("Amount " + amount.toPlainString() + " is too large");
    }
  }
}
