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
 * transaction ({@link #request}), or our record and a direct call to finance inside an
 * asynchronous step's job ({@link #post}). One reference per case and adjustment: asking again
 * returns the posting already made, so a retried step never posts money twice.
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
  private final FinancePort port;

  public FinancePostings(FinancePostingRepository postings, Outbox outbox, FinancePort port) {
    this.postings = postings;
    this.outbox = outbox;
    this.port = port;
  }

  /** Reference {@code FIN-<year>-<number>-<adjustmentId>}; the existing posting if there is one. */
  @Transactional
  public FinancePosting request(PostingRequest request) {
    check(request);
    Optional<FinancePosting> existing = existing(request);
    if (existing.isPresent()) {
      return existing.get();
    }
    FinancePosting posting = postings.save(new FinancePosting(reference(request.caseNumber(), request.adjustmentId()),
        request, EngineTime.now()));
    outbox.enqueue(TYPE, request.caseNumber(), idempotencyKey(request), PostingOrder.of(posting));
    LOG.info("Case {}: {} {} {} queued for finance as {}", request.caseNumber(), request.kind(),
        request.amount().toPlainString(), request.currency(), posting.getReference());
    return posting;
  }

  /**
   * Records the posting (or finds the one recorded) and calls finance at once, with the key
   * {@code finance:<case>:<adjustment id>}: for an asynchronous process step whose job should
   * fail, be retried and end as an incident while finance is down. Record and job commit
   * together; a job that called finance but did not commit calls again with the same key, and
   * finance takes the repeated key as the posting it already has.
   */
  @Transactional
  public FinancePosting post(PostingRequest request) {
    check(request);
    FinancePosting posting = existing(request).orElseGet(() -> postings.save(
        new FinancePosting(reference(request.caseNumber(), request.adjustmentId()), request, EngineTime.now())));
    try {
      port.post(PostingOrder.of(posting), idempotencyKey(request));
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException("Finance did not take posting " + posting.getReference() + ": "
          + e.getMessage(), e);
    }
    LOG.info("Case {}: {} {} {} posted to finance as {}", request.caseNumber(), request.kind(),
        request.amount().toPlainString(), request.currency(), posting.getReference());
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

  private Optional<FinancePosting> existing(PostingRequest request) {
    String reference = reference(request.caseNumber(), request.adjustmentId());
    Optional<FinancePosting> existing = postings.findByReference(reference);
    if (existing.isPresent() && (existing.get().getAmount().compareTo(request.amount()) != 0
        || !existing.get().getCurrency().equals(request.currency()))) {
      LOG.warn("Case {}: posting {} exists with {} {}; the request for {} {} is not posted again",
          request.caseNumber(), reference, existing.get().getAmount(), existing.get().getCurrency(),
          request.amount(), request.currency());
    }
    return existing;
  }

  private static String idempotencyKey(PostingRequest request) {
    return "finance:" + request.caseNumber() + ":" + request.adjustmentId();
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
