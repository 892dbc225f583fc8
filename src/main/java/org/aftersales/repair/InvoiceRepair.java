package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.integration.finance.FinancePosting;
import org.aftersales.integration.finance.FinancePostings;
import org.aftersales.integration.finance.PostingRequest;
import org.aftersales.integration.notification.Notice;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Invoices the accepted quote through the finance port (outbox, one posting per quote round:
 * a retried job finds the posting it made) and waits for finance's settlement.
 */
@Component("invoiceRepair")
public class InvoiceRepair implements JavaDelegate {

  private final RepairOrders orders;
  private final FinancePostings postings;
  private final RepairNotices notices;

  public InvoiceRepair(RepairOrders orders, FinancePostings postings, RepairNotices notices) {
    this.orders = orders;
    this.postings = postings;
    this.notices = notices;
  }

  @Override
  public void execute(DelegateExecution execution) {
    String caseNumber = ServiceRequestVariables.caseNumber(execution);
    RepairOrder order = orders.of(caseNumber);
    FinancePosting posting = postings.request(new PostingRequest(caseNumber, PostingRequest.INVOICE,
        "Q" + order.getQuoteRound(), order.getQuoteTotal(), order.getQuoteCurrency(),
        Variables.string(execution, ServiceRequestVariables.CUSTOMER_ID),
        "Repair of " + Variables.string(execution, ServiceRequestVariables.PRODUCT_SKU) + " "
            + Variables.string(execution, ServiceRequestVariables.SERIAL_NUMBER)));
    order.invoiced(posting.getReference());
    execution.setVariable(RepairVariables.POSTING_REFERENCE, posting.getReference());
    notices.customer(execution, Notice.of("repair-invoice", "invoice", posting.getReference(),
        "total", order.getQuoteTotal().toPlainString() + " " + order.getQuoteCurrency()));
  }
}
