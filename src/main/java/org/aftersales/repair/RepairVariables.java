package org.aftersales.repair;

import java.time.LocalDate;
import org.aftersales.common.FormValues;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variable names and BPMN ids of {@code repair}, and typed access to them. The forms' field
 * keys are these names; the case's own variables (customer, product, contract) come in from
 * {@code service-request} under the names of {@code ServiceRequestVariables}.
 */
public final class RepairVariables {

  public static final String PROCESS_KEY = "repair";

  // BPMN ids and messages the Java side refers to
  public static final String ARRIVE_ON_SITE = "ArriveOnSite";
  public static final String QUOTE_DECIDED_MESSAGE = "QuoteDecided";
  public static final String QUOTE_DECLINED_ERROR = "QUOTE_DECLINED";
  public static final String UNIT_NOT_RECOVERED_ERROR = "UNIT_NOT_RECOVERED";

  // assessment and warranty
  public static final String DELIVERY_DATE = "deliveryDate";
  public static final String DAMAGE_CAUSE = "damageCause";
  public static final String FAULT_TYPE = "faultType";
  public static final String FAULT_NOTES = "faultNotes";
  public static final String IN_WARRANTY = "inWarranty";
  public static final String WARRANTY_REASON = "warrantyReason";
  public static final String WARRANTY_MONTHS = "warrantyMonths";

  // quote
  public static final String QUOTE_LIST_PRICE = "quoteListPrice";
  public static final String QUOTE_DISCOUNT_PERCENT = "quoteDiscountPercent";
  public static final String QUOTE_CURRENCY = "quoteCurrency";
  public static final String QUOTE_DETAILS = "quoteDetails";
  public static final String QUOTE_TOTAL = "quoteTotal";
  public static final String QUOTE_NEEDS_APPROVAL = "quoteNeedsApproval";
  public static final String QUOTE_PREPARED_BY = "quotePreparedBy";
  public static final String QUOTE_SUMMARY = "quoteSummary";
  public static final String QUOTE_REMIND_AT = "quoteRemindAt";
  public static final String QUOTE_EXPIRES_AT = "quoteExpiresAt";
  public static final String QUOTE_ANSWER = "quoteAnswer";
  public static final String QUOTE_ANSWER_NOTE = "quoteAnswerNote";
  public static final String QUOTE_ACCEPTED = "quoteAccepted";
  public static final String APPROVAL_OUTCOME = "approvalOutcome";
  public static final String POSTING_REFERENCE = "postingReference";

  // service mode
  public static final String PROPOSED_REPAIR_MODE = "proposedRepairMode";
  public static final String REPAIR_MODE_REASON = "repairModeReason";
  public static final String REPAIR_MODE = "repairMode";
  public static final String PARTS_LIST = "partsList";
  public static final String ON_SITE = "on-site";
  public static final String DEPOT = "depot";
  public static final String PARTS = "parts";

  // on site
  public static final String ARRIVAL_DUE = "arrivalDue";
  public static final String ARRIVAL_WARN_AT = "arrivalWarnAt";
  public static final String TECHNICIAN = "technician";
  public static final String REPAIR_SUCCESSFUL = "repairSuccessful";

  // depot and parts
  public static final String RMA_NUMBER = "rmaNumber";
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String DIAGNOSIS = "diagnosis";
  public static final String QA_PASSED = "qaPassed";
  public static final String PARTS_FITTED = "partsFitted";

  // closure
  public static final String ROOT_CAUSE = "rootCause";
  public static final String DEFECT_CODE = "defectCode";
  public static final String ROOT_CAUSE_NOTES = "rootCauseNotes";

  private RepairVariables() {
  }

  /** The date the warranty counts from: the delivery date when known, else the purchase date. */
  public static LocalDate warrantyStart(VariableScope scope, String purchaseDateVariable) {
    LocalDate delivery = FormValues.date(scope, DELIVERY_DATE);
    return delivery != null ? delivery : FormValues.date(scope, purchaseDateVariable);
  }
}
