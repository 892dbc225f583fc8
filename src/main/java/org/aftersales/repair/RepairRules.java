package org.aftersales.repair;

import java.util.HashMap;
import java.util.Map;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.camunda.bpm.engine.DecisionService;
import org.springframework.stereotype.Service;

/**
 * The repair's business rules, in DMN that admins change in Modeler: {@code warranty},
 * {@code repair-mode} and the on-site arrival rows of {@code sla-targets}. The latest
 * deployed version answers; the process evaluates them as the system, whoever completed
 * the task before.
 */
@Service
public class RepairRules {

  public record WarrantyOutcome(boolean inWarranty, Integer warrantyMonths, String reason) {
  }

  public record ModeProposal(String mode, String reason) {
  }

  private final DecisionService decisions;
  private final SystemAuthority system;

  public RepairRules(DecisionService decisions, SystemAuthority system) {
    this.decisions = decisions;
    this.system = system;
  }

  public WarrantyOutcome warranty(String damageCause, String productLine, Integer monthsSinceStart) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("damageCause", damageCause);
    inputs.put("productLine", productLine);
    inputs.put("monthsSinceStart", monthsSinceStart);
    DmnDecisionResultEntries result = evaluate("warranty", inputs);
    Object months = result.get("warrantyMonths");
    return new WarrantyOutcome(Boolean.TRUE.equals(result.get("inWarranty")),
        months instanceof Number n ? n.intValue() : null, (String) result.get("warrantyReason"));
  }

  public ModeProposal repairMode(String productLine, String faultType) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("productLine", productLine);
    inputs.put("faultType", faultType);
    DmnDecisionResultEntries result = evaluate("repair-mode", inputs);
    return new ModeProposal((String) result.get("proposedRepairMode"), (String) result.get("repairModeReason"));
  }

  /** Minutes from dispatch to the technician's arrival on site. */
  public int arrivalMinutes(Object cityTier, String contractLevel, String priority) {
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("slaKind", "on-site-arrival");
    inputs.put("cityTier", cityTier instanceof Number n ? n.intValue() : null);
    inputs.put("complaint", false);
    inputs.put("priority", priority);
    inputs.put("channel", null);
    inputs.put("contractLevel", contractLevel);
    Object minutes = evaluate("sla-targets", inputs).get("targetMinutes");
    if (!(minutes instanceof Number number)) {
      throw new IllegalStateException("Decision sla-targets gave no on-site arrival target (got " + minutes + ")");
    }
    return number.intValue();
  }

  private DmnDecisionResultEntries evaluate(String key, Map<String, Object> inputs) {
    DmnDecisionResultEntries entries = system.call(() -> decisions.evaluateDecisionByKey(key).variables(inputs)
        .evaluate().getFirstResult());
    if (entries == null) {
      throw new IllegalStateException("Decision " + key + " has no rule for " + inputs);
    }
    return entries;
  }
}
