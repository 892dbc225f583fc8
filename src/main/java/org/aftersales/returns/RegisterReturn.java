package org.aftersales.returns;

import static org.aftersales.returns.ReturnVariables.CURRENCIES;
import static org.aftersales.returns.ReturnVariables.CURRENCY;
import static org.aftersales.returns.ReturnVariables.DELIVERY_DATE;
import static org.aftersales.returns.ReturnVariables.ORIGINAL_PRICE;
import static org.aftersales.returns.ReturnVariables.REQUESTED_RESOLUTION;
import static org.aftersales.returns.ReturnVariables.RETURN_REASON;
import static org.aftersales.returns.ReturnVariables.UNIT_CONDITION;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Currency;
import org.aftersales.common.EngineTime;
import org.aftersales.common.FormValues;
import org.aftersales.common.TaskInputException;
import org.aftersales.sla.ServiceHours;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.springframework.stereotype.Component;

/** On completing "Register return": why, in what state, at what price, and what the customer asks for. */
@Component("registerReturn")
public class RegisterReturn implements TaskListener {

  private final ReturnOrders orders;
  private final ServiceHours serviceHours;

  public RegisterReturn(ReturnOrders orders, ServiceHours serviceHours) {
    this.orders = orders;
    this.serviceHours = serviceHours;
  }

  @Override
  public void notify(DelegateTask task) {
    String reason = FormValues.oneOf(task, RETURN_REASON, ReturnVariables.REASONS);
    String condition = FormValues.oneOf(task, UNIT_CONDITION, ReturnVariables.CONDITIONS);
    BigDecimal price = FormValues.decimal(task, ORIGINAL_PRICE);
    if (price == null || price.signum() < 0) {
      throw new TaskInputException(ORIGINAL_PRICE, "A price of 0 or more is required");
    }
    String currency = FormValues.oneOf(task, CURRENCY, CURRENCIES);
    int minorUnit = Currency.getInstance(currency).getDefaultFractionDigits();
    if (price.stripTrailingZeros().scale() > minorUnit) {
      throw new TaskInputException(ORIGINAL_PRICE, "More decimals than " + currency + " has");
    }
    price = price.setScale(minorUnit, RoundingMode.UNNECESSARY);
    String requested = FormValues.oneOf(task, REQUESTED_RESOLUTION, ReturnVariables.RESOLUTIONS);
    LocalDate delivery = FormValues.date(task, DELIVERY_DATE);
    if (delivery != null && delivery.isAfter(EngineTime.now().atZone(serviceHours.zone()).toLocalDate())) {
      throw new TaskInputException(DELIVERY_DATE, "Must not be in the future");
    }
    // kept as exact text: the refund is computed from it
    task.setVariable(ORIGINAL_PRICE, price.toPlainString());
    orders.of(ServiceRequestVariables.caseNumber(task)).registered(reason, delivery, condition, price, currency,
        requested);
  }
}
