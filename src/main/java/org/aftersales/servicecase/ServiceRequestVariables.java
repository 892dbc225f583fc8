package org.aftersales.servicecase;

import java.time.Instant;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * Variable names and BPMN ids of {@code service-request}, and typed access to them. The
 * forms' field keys are these names.
 */
public final class ServiceRequestVariables {

  public static final String PROCESS_KEY = "service-request";

  // BPMN element ids the Java side refers to
  public static final String ACKNOWLEDGE_CUSTOMER = "AcknowledgeCustomer";
  public static final String TRIAGE_CASE = "TriageCase";
  public static final String FEEDBACK_RECEIVED_MESSAGE = "FeedbackReceived";

  // variables
  public static final String CASE_NUMBER = "caseNumber";
  public static final String CUSTOMER_ID = "customerId";
  public static final String CUSTOMER_NAME = "customerName";
  public static final String CUSTOMER_CITY = "customerCity";
  public static final String CUSTOMER_CONTACT = "customerContact";
  /** The language the customer is told things in: zh-CN or en (else aftersales.locale). */
  public static final String CUSTOMER_LANGUAGE = "customerLanguage";
  public static final String CITY_TIER = "cityTier";
  public static final String CONTRACT_LEVEL = "contractLevel";
  public static final String PRODUCT_SKU = "productSku";
  public static final String PRODUCT_LINE = "productLine";
  public static final String SERIAL_NUMBER = "serialNumber";
  public static final String PURCHASE_DATE = "purchaseDate";
  public static final String CHANNEL = "channel";
  public static final String PRIORITY = "priority";
  public static final String CATEGORY = "category";
  public static final String COMPLAINT = "complaint";
  public static final String DESCRIPTION = "description";
  public static final String FIRST_RESPONSE_MINUTES = "firstResponseMinutes";
  public static final String FIRST_RESPONSE_DUE = "firstResponseDue";
  public static final String FIRST_RESPONSE_WARN_AT = "firstResponseWarnAt";
  public static final String CASE_OWNER = "caseOwner";
  public static final String ACKNOWLEDGEMENT_MESSAGE = "acknowledgementMessage";
  public static final String RESOLUTION_SUMMARY = "resolutionSummary";
  public static final String FEEDBACK_DEADLINE = "feedbackDeadline";
  public static final String SATISFACTION = "satisfaction";
  public static final String FEEDBACK_COMMENT = "feedbackComment";

  private ServiceRequestVariables() {
  }

  /** The variables a new case's process starts with. */
  public static Map<String, Object> start(ServiceCase serviceCase) {
    Map<String, Object> variables = new HashMap<>();
    variables.put(CASE_NUMBER, serviceCase.getCaseNumber());
    variables.put(CUSTOMER_ID, serviceCase.getCustomerId());
    variables.put(CUSTOMER_NAME, serviceCase.getCustomerName());
    variables.put(CUSTOMER_CITY, serviceCase.getCustomerCity());
    if (serviceCase.getCustomerContact() != null) {
      variables.put(CUSTOMER_CONTACT, serviceCase.getCustomerContact());
    }
    if (serviceCase.getCustomerLanguage() != null) {
      variables.put(CUSTOMER_LANGUAGE, serviceCase.getCustomerLanguage());
    }
    variables.put(CITY_TIER, serviceCase.getCustomerCityTier());
    variables.put(CONTRACT_LEVEL, serviceCase.getContractLevel());
    variables.put(PRODUCT_SKU, serviceCase.getProductSku());
    variables.put(PRODUCT_LINE, serviceCase.getProductLine());
    variables.put(SERIAL_NUMBER, serviceCase.getSerialNumber());
    variables.put(PURCHASE_DATE, serviceCase.getPurchaseDate() == null ? null : serviceCase.getPurchaseDate().toString());
    variables.put(CHANNEL, serviceCase.getChannel());
    variables.put(PRIORITY, serviceCase.getPriority());
    variables.put(COMPLAINT, serviceCase.isComplaint());
    variables.put(DESCRIPTION, serviceCase.getDescription());
    if (serviceCase.getCategory() != null) {
      variables.put(CATEGORY, serviceCase.getCategory());
    }
    return variables;
  }

  public static String caseNumber(VariableScope scope) {
    return (String) scope.getVariable(CASE_NUMBER);
  }

  public static boolean aroundTheClock(VariableScope scope) {
    return "premium".equals(scope.getVariable(CONTRACT_LEVEL));
  }

  public static int firstResponseMinutes(VariableScope scope) {
    Object value = scope.getVariable(FIRST_RESPONSE_MINUTES);
    if (!(value instanceof Number number)) {
      throw new IllegalStateException("Decision sla-targets gave no first-response target (got " + value + ")");
    }
    return number.intValue();
  }

  public static void setFirstResponseDeadline(VariableScope scope, Instant warnAt, Instant due) {
    scope.setVariable(FIRST_RESPONSE_WARN_AT, Date.from(warnAt));
    scope.setVariable(FIRST_RESPONSE_DUE, Date.from(due));
  }

  public static void setCaseOwner(VariableScope scope, String owner) {
    scope.setVariable(CASE_OWNER, owner);
  }

  public static void setFeedbackDeadline(VariableScope scope, Instant deadline) {
    scope.setVariable(FEEDBACK_DEADLINE, Date.from(deadline));
  }
}
