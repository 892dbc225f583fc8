package org.aftersales.identity;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.filter.Filter;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** What a person sees in Tasklist's filter list, and the overdue filter moving with the clock. */
@PostgresIntegrationTest
class TasklistFiltersIT {

  @LocalServerPort int port;
  @Autowired IdentityService identityService;
  @Autowired TaskService taskService;
  @Autowired FilterService filterService;
  @Autowired TasklistFilters tasklistFilters;
  @Autowired RuntimeService runtimeService;

  @Test
  void eachPersonSeesTheirGroupsFiltersAndTheirOwn() {
    String qa = TestUsers.ensure(identityService, "filters-qa", "qa");
    tasklistFilters.refresh();

    var listed = new Http(port).get("/engine-rest/filter?resourceType=Task&maxResults=100", qa, TestUsers.PASSWORD);

    assertThat(listed.statusCode()).isEqualTo(200);
    // A client that names no language reads the default one, aftersales.locale (zh-CN); stored in English.
    assertThat(listed.body())
        .contains("质检 — 待认领", "质检 — 已逾期", "我的任务", "待我认领", "待我审批")
        .doesNotContain("财务 — 待认领", "客服 — 已逾期");
    assertThat(filterService.createFilterQuery().filterName("My tasks").filterOwner(qa).count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("Offered to me").filterOwner(qa).count()).isEqualTo(1);
    assertThat(filterService.createFilterQuery().filterName("Approvals waiting for me").filterOwner(qa).count())
        .isEqualTo(1);
  }

  @Test
  void approvalsWaitingForMeListsTheApproverTheirApprovalStepsOnly() {
    String lead = TestUsers.ensure(identityService, "filters-lead", "approver-lead");
    String other = TestUsers.ensure(identityService, "filters-approvals-qa", "qa");
    TestUsers.ensure(identityService, "filters-requester", "customer-service");
    tasklistFilters.refresh();
    Map<String, Object> variables = new HashMap<>();
    variables.put("subjectType", "generic");
    variables.put("amount", 100);
    variables.put("currency", "CNY");
    variables.put("requester", "filters-requester");
    variables.put("region", "east");
    variables.put("department", "service");
    variables.put("summary", "Goodwill credit for the filters test");
    ProcessInstance approval = runtimeService.startProcessInstanceByKey("approval", "AP-filters-" + System.nanoTime(),
        variables);
    Task approve = taskService.createTaskQuery().processInstanceId(approval.getId()).taskDefinitionKey("ApproveStep")
        .singleResult();
    // offered to the lead as well, but no approval
    Task plain = taskService.newTask();
    plain.setName("Check a named request");
    taskService.saveTask(plain);
    taskService.addCandidateUser(plain.getId(), lead);
    try {
      assertThat(approve).isNotNull();

      var leads = listApprovals(lead);
      assertThat(leads.statusCode()).as(leads.body()).isEqualTo(200);
      assertThat(leads.body()).contains(approve.getId()).doesNotContain(plain.getId());

      var others = listApprovals(other);
      assertThat(others.statusCode()).as(others.body()).isEqualTo(200);
      assertThat(others.body()).doesNotContain(approve.getId());

      // still theirs once claimed (assigned to them)
      identityService.setAuthenticatedUserId(lead);
      try {
        taskService.claim(approve.getId(), lead);
      } finally {
        identityService.clearAuthentication();
      }
      assertThat(listApprovals(lead).body()).contains(approve.getId());
    } finally {
      taskService.deleteTask(plain.getId(), true);
      runtimeService.deleteProcessInstance(approval.getId(), "test done");
    }
  }

  private HttpResponse<String> listApprovals(String user) {
    Filter filter = filterService.createFilterQuery().filterName("Approvals waiting for me").filterOwner(user)
        .singleResult();
    return new Http(port).postJson("/engine-rest/filter/" + filter.getId() + "/list?maxResults=50", "{}",
        user, TestUsers.PASSWORD);
  }

  @Test
  void taskOfferedToNamedPeopleIsListedInTheirOfferedFilter() {
    String offered = TestUsers.ensure(identityService, "filters-offered", "qa");
    tasklistFilters.refresh();
    Task task = taskService.newTask();
    task.setName("Approve a named request");
    taskService.saveTask(task);
    taskService.addCandidateUser(task.getId(), offered);
    try {
      Filter filter = filterService.createFilterQuery().filterName("Offered to me").filterOwner(offered)
          .singleResult();
      var listed = new Http(port).postJson("/engine-rest/filter/" + filter.getId() + "/list?maxResults=50", "{}",
          offered, TestUsers.PASSWORD);
      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).contains(task.getId());
    } finally {
      taskService.deleteTask(task.getId(), true);
    }
  }

  @Test
  void overdueFilterShowsTasksPastTheirDueDateAfterARefresh() {
    String finance = TestUsers.ensure(identityService, "filters-finance", "finance");
    Task late = newFinanceTask("Settle late posting", new Date(System.currentTimeMillis() - 60_000));
    Task notYet = newFinanceTask("Settle future posting", new Date(System.currentTimeMillis() + 3_600_000));
    try {
      tasklistFilters.refresh();
      Filter overdue = filterService.createFilterQuery().filterName("Finance — overdue").singleResult();

      var listed = new Http(port).postJson("/engine-rest/filter/" + overdue.getId() + "/list?maxResults=50", "{}",
          finance, TestUsers.PASSWORD);

      assertThat(listed.statusCode()).as(listed.body()).isEqualTo(200);
      assertThat(listed.body()).contains(late.getId()).doesNotContain(notYet.getId());
    } finally {
      taskService.deleteTask(late.getId(), true);
      taskService.deleteTask(notYet.getId(), true);
    }
  }

  private Task newFinanceTask(String name, Date due) {
    Task task = taskService.newTask();
    task.setName(name);
    task.setDueDate(due);
    taskService.saveTask(task);
    taskService.addCandidateGroup(task.getId(), "finance");
    return task;
  }
}
