package org.aftersales.repair;

import static org.aftersales.repair.RepairVariables.QUOTE_CURRENCY;
import static org.aftersales.repair.RepairVariables.QUOTE_DISCOUNT_PERCENT;
import static org.aftersales.repair.RepairVariables.QUOTE_LIST_PRICE;

import java.math.BigDecimal;
import java.util.List;
import org.aftersales.common.FormValues;
import org.aftersales.common.TaskInputException;
import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Prices the prepared quote exactly (list price less discount, half-even in the currency's
 * minor unit) and decides whether the discount needs approval.
 */
@Component("priceQuote")
public class PriceQuote implements JavaDelegate {

  static final List<String> CURRENCIES = List.of("CNY", "USD", "EUR");

  private final RepairOrders orders;
  private final RepairSettings settings;

  public PriceQuote(RepairOrders orders, RepairSettings settings) {
    this.orders = orders;
    this.settings = settings;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Quote quote = read(execution);
    String preparedBy = Variables.string(execution, RepairVariables.QUOTE_PREPARED_BY);
    RepairOrder order = orders.of(ServiceRequestVariables.caseNumber(execution));
    order.quotePrepared(quote, preparedBy);
    execution.setVariable(RepairVariables.QUOTE_TOTAL, quote.total().toPlainString());
    execution.setVariable(RepairVariables.QUOTE_NEEDS_APPROVAL,
        quote.discountPercent().compareTo(settings.discountApprovalPercent()) > 0);
    execution.setVariable(RepairVariables.QUOTE_SUMMARY, "Repair quote for "
        + Variables.string(execution, ServiceRequestVariables.CUSTOMER_NAME) + ": "
        + quote.listPrice().toPlainString() + " " + quote.currency() + " less " + quote.discountPercent().toPlainString()
        + "% = " + quote.total().toPlainString() + " " + quote.currency());
  }

  static Quote read(org.camunda.bpm.engine.delegate.VariableScope execution) {
    BigDecimal listPrice = FormValues.decimal(execution, QUOTE_LIST_PRICE);
    if (listPrice == null || listPrice.signum() < 0) {
      throw new TaskInputException(QUOTE_LIST_PRICE, "A price of 0 or more is required");
    }
    BigDecimal discount = FormValues.decimal(execution, QUOTE_DISCOUNT_PERCENT);
    if (discount != null && (discount.signum() < 0 || discount.compareTo(BigDecimal.valueOf(100)) > 0)) {
      throw new TaskInputException(QUOTE_DISCOUNT_PERCENT, "Must be between 0 and 100");
    }
    String currency = FormValues.oneOf(execution, QUOTE_CURRENCY, CURRENCIES);
    return Quote.of(listPrice, discount, currency);
  }
}
