package org.aftersales.identity;

import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.authorization.Groups;

/** The groups of the public contract (DESIGN §3) whose members work tasks in Tasklist. */
public enum StaffGroup {
  CUSTOMER_SERVICE("customer-service", "Customer service"),
  AFTER_SALES("after-sales", "After-sales engineering"),
  FIELD_SERVICE("field-service", "Field service"),
  LOGISTICS("logistics", "Logistics"),
  FINANCE("finance", "Finance"),
  RND("rnd", "R&D"),
  QA("qa", "Quality assurance"),
  SALES("sales", "Sales"),
  APPROVER_LEAD("approver-lead", "Approvers: team leads"),
  APPROVER_MANAGER("approver-manager", "Approvers: managers"),
  APPROVER_DIRECTOR("approver-director", "Approvers: directors");

  public static final String AUDITORS = "auditors";
  public static final String AUDITORS_NAME = "Auditors";
  /** The engine's administrators: {@code camunda-admin} on Camunda, {@code operaton-admin} on Operaton. */
  public static final String ADMINS = Groups.CAMUNDA_ADMIN;

  private final String id;
  private final String displayName;

  StaffGroup(String id, String displayName) {
    this.id = id;
    this.displayName = displayName;
  }

  public String id() {
    return id;
  }

  public String displayName() {
    return displayName;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(StaffGroup::id).toList();
  }
}
