package org.aftersales.repair;

import org.aftersales.common.Variables;
import org.aftersales.servicecase.ServiceRequestVariables;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/** The {@code repair-mode} decision proposes on site, depot or parts; the engineer's form starts with it. */
@Component("proposeRepairMode")
public class ProposeRepairMode implements JavaDelegate {

  private final RepairRules rules;
  private final RepairOrders orders;

  public ProposeRepairMode(RepairRules rules, RepairOrders orders) {
    this.rules = rules;
    this.orders = orders;
  }

  @Override
  public void execute(DelegateExecution execution) {
    RepairRules.ModeProposal proposal = rules.repairMode(
        Variables.string(execution, ServiceRequestVariables.PRODUCT_LINE),
        Variables.string(execution, RepairVariables.FAULT_TYPE));
    execution.setVariable(RepairVariables.PROPOSED_REPAIR_MODE, proposal.mode());
    execution.setVariable(RepairVariables.REPAIR_MODE_REASON, proposal.reason());
    execution.setVariable(RepairVariables.REPAIR_MODE, proposal.mode());
    orders.of(ServiceRequestVariables.caseNumber(execution)).modeProposed(proposal.mode());
  }
}
