package org.aftersales.servicecase;

import jakarta.servlet.http.HttpServletRequest;
import java.time.Instant;
import java.util.List;
import org.aftersales.api.ApiAccess;
import org.aftersales.api.ApiException;
import org.aftersales.api.ApiLanguage;
import org.aftersales.common.Languages;
import org.aftersales.common.SystemAuthority;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * What Tasklist's "Case" tab shows beside a task: the task's case and the customer's or unit's
 * earlier cases with their resolutions. Asked with the webapp session (or HTTP Basic); the timeline
 * in the reader's language.
 */
@RestController
class CaseTabController {

  static final int EARLIER_CASES = 10;

  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ServiceCaseRepository cases;
  private final CaseViews views;
  private final CaseReaders readers;
  private final ApiAccess access;
  private final SystemAuthority system;
  private final Languages languages;

  CaseTabController(TaskService taskService, RuntimeService runtimeService, ServiceCaseRepository cases,
      CaseViews views, CaseReaders readers, ApiAccess access, SystemAuthority system, Languages languages) {
    this.languages = languages;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.cases = cases;
    this.views = views;
    this.readers = readers;
    this.access = access;
    this.system = system;
  }

  /** A case this one may learn from: same customer or same serial number. */
  record EarlierCase(String caseNumber, String status, String category, String description, Instant openedAt,
      Instant resolvedAt, String resolutionSummary, boolean sameUnit) {
  }

  record CaseTab(CaseView current, List<EarlierCase> earlier) {
  }

  @GetMapping("/api/tasks/{taskId}/case")
  CaseTab caseOfTask(@PathVariable String taskId, HttpServletRequest request) {
    access.requireStaffOrAuditor("read cases");
    // The task as the caller sees it: a task they may not see has no case for them either.
    Task task = taskService.createTaskQuery().taskId(taskId).singleResult();
    String caseNumber = task == null || task.getProcessInstanceId() == null ? null : system.call(() -> {
      ProcessInstance instance = runtimeService.createProcessInstanceQuery()
          .processInstanceId(task.getProcessInstanceId()).singleResult();
      return instance == null ? null : instance.getBusinessKey();
    });
    if (caseNumber == null || !CaseNumbers.FORMAT.matcher(caseNumber).matches()) {
      throw ApiException.notFound("Task " + taskId + " belongs to no case you may see");
    }
    CaseView current = views.of(readers.require(caseNumber), ApiLanguage.of(languages, request));
    ServiceCase serviceCase = cases.findByCaseNumber(caseNumber).orElseThrow();
    List<EarlierCase> earlier = cases.findTop20ByCustomerIdOrSerialNumberOrderByOpenedAtDesc(
            serviceCase.getCustomerId(), serviceCase.getSerialNumber()).stream()
        .filter(other -> !other.getCaseNumber().equals(caseNumber))
        .limit(EARLIER_CASES)
        .map(other -> new EarlierCase(other.getCaseNumber(), other.getStatus().code(), other.getCategory(),
            other.getDescription(), other.getOpenedAt(), other.getResolvedAt(), other.getResolutionSummary(),
            other.getSerialNumber() != null && other.getSerialNumber().equals(serviceCase.getSerialNumber())))
        .toList();
    return new CaseTab(current, earlier);
  }
}
