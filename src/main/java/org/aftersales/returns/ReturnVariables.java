package org.aftersales.returns;



/**
 * Variable names and BPMN ids of {@code return-exchange}. The forms' field keys are these
 * names; the case's own variables come in from {@code service-request} under the names of
 * {@code ServiceRequestVariables}; the unit's way back uses the names of the logistics port
 * ({@code trackingNumber}, {@code rmaNumber}).
 */
public final class ReturnVariables {

  public static final String PROCESS_KEY = "return-exchange";
  public static final String TECHNICAL_RESPONSIBILITY_TASK = "TechnicalResponsibility";
  public static final String NOT_ELIGIBLE_ERROR = "NOT_ELIGIBLE";

  // registration and eligibility
  public static final String RETURN_REASON = "returnReason";
  public static final String DELIVERY_DATE = "deliveryDate";
  public static final String UNIT_CONDITION = "unitCondition";
  public static final String ORIGINAL_PRICE = "originalPrice";
  public static final String CURRENCY = "currency";
  public static final String REQUESTED_RESOLUTION = "requestedResolution";
  public static final String RETURN_NOTES = "returnNotes";
  public static final String DAYS_SINCE_DELIVERY = "daysSinceDelivery";
  public static final String CUSTOMER_TIER = "customerTier";
  public static final String ELIGIBILITY = "eligibility";
  public static final String ELIGIBILITY_REASON = "eligibilityReason";
  public static final String APPROVAL_OUTCOME = "approvalOutcome";

  // the unit
  public static final String RMA_NUMBER = "rmaNumber";
  public static final String TRACKING_NUMBER = "trackingNumber";
  public static final String INSPECTION_FINDINGS = "inspectionFindings";
  public static final String INSPECTED_CONDITION = "inspectedCondition";

  // responsibility and resolution
  public static final String TECHNICAL_RESPONSIBILITY = "technicalResponsibility";
  public static final String TECHNICAL_NOTE = "technicalNote";
  public static final String QA_RESPONSIBILITY = "qaResponsibility";
  public static final String QA_NOTE = "qaNote";
  public static final String RESPONSIBILITY = "responsibility";
  public static final String RESPONSIBILITY_NOTE = "responsibilityNote";
  public static final String RESOLUTION = "resolution";
  public static final String ADJUSTMENT_TYPE = "adjustmentType";

  public static final java.util.List<String> REASONS = java.util.List.of("quality", "misuse", "wrong-selection");
  public static final java.util.List<String> CONDITIONS = java.util.List.of("as-new", "used", "damaged");
  public static final java.util.List<String> RESPONSIBLE = java.util.List.of("company", "customer", "shared");
  public static final java.util.List<String> RESOLUTIONS = java.util.List.of("exchange", "refund");
  public static final java.util.List<String> CURRENCIES = java.util.List.of("CNY", "USD", "EUR");

  private ReturnVariables() {
  }
}
