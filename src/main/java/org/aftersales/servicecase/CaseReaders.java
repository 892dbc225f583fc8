package org.aftersales.servicecase;

import java.util.List;
import java.util.Set;
import org.aftersales.api.ApiException;
import org.aftersales.common.SystemAuthority;
import org.aftersales.identity.StaffGroup;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * Who may read a case and its attachments: need to know. The front desk (who answers the
 * customer's call about any case), team leads, auditors and administrators read every case;
 * anyone else the cases they work on or worked on (a task of the case offered to them or their
 * group, or one they held). To anyone else a case does not exist: case numbers are sequential, so
 * a 403 would tell which ones are real.
 */
@Component
class CaseReaders {

  static final Set<String> READ_ALL = Set.of(StaffGroup.CUSTOMER_SERVICE.id(), StaffGroup.APPROVER_LEAD.id(),
      StaffGroup.AUDITORS, StaffGroup.ADMINS);

  private final IdentityService identityService;
  private final TaskService taskService;
  private final HistoryService historyService;
  private final SystemAuthority system;

  CaseReaders(IdentityService identityService, TaskService taskService, HistoryService historyService,
      SystemAuthority system) {
    this.identityService = identityService;
    this.taskService = taskService;
    this.historyService = historyService;
    this.system = system;
  }

  /** The case number when the caller may read it; 404 (as for an unknown case) otherwise. */
  String require(String caseNumber) {
    Authentication caller = identityService.getCurrentAuthentication();
    List<String> groups = caller == null || caller.getGroupIds() == null ? List.of() : caller.getGroupIds();
    if (caller == null || !(groups.stream().anyMatch(READ_ALL::contains) || worksOn(caseNumber, caller.getUserId(),
        groups))) {
      throw ApiException.notFound("No case " + caseNumber);
    }
    return caseNumber;
  }

  private boolean worksOn(String caseNumber, String userId, List<String> groups) {
    return system.call(() -> (!groups.isEmpty() && taskService.createTaskQuery()
            .processInstanceBusinessKey(caseNumber).taskCandidateGroupIn(groups).includeAssignedTasks().count() > 0)
        || taskService.createTaskQuery().processInstanceBusinessKey(caseNumber).taskCandidateUser(userId)
            .includeAssignedTasks().count() > 0
        // held now or before: history has the running tasks too
        || historyService.createHistoricTaskInstanceQuery().processInstanceBusinessKey(caseNumber)
            .taskAssignee(userId).count() > 0);
  }
}
