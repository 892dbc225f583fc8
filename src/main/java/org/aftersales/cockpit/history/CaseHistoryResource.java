package org.aftersales.cockpit.history;

import jakarta.servlet.ServletContext;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotAuthorizedException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.aftersales.approval.ApprovalRecord;
import org.aftersales.approval.ApprovalRecordRepository;
import org.aftersales.cockpit.CockpitTexts;
import org.aftersales.cockpit.ServiceDay;
import org.aftersales.common.Language;
import org.aftersales.common.Languages;
import org.aftersales.identity.StaffGroup;
import org.aftersales.sla.ServiceHoursProperties;
import org.aftersales.tasklist.TaskTexts;
import org.camunda.bpm.cockpit.plugin.resource.AbstractCockpitPluginResource;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.context.ApplicationContext;
import org.springframework.web.context.support.WebApplicationContextUtils;

/**
 * Read-only: the approval records of a case, for people who may read history
 * ({@code auditors}, {@code camunda-admin}). Anyone else logged in to a webapp gets 403.
 */
@Produces(MediaType.APPLICATION_JSON)
public class CaseHistoryResource extends AbstractCockpitPluginResource {

  /** Most process instances (the case and what it called) looked at for one answer. */
  static final int MAX_INSTANCES = 200;

  private final ServletContext servletContext;

  public CaseHistoryResource(String engineName, ServletContext servletContext) {
    super(engineName);
    this.servletContext = servletContext;
  }

  /**
   * The approval records of the process instance's case: records of approvals with the
   * instance's business key (the case number) and of approvals the instance called,
   * directly or through other call activities, ordered as they were written.
   */
  @GET
  @Path("approval-records/{processInstanceId}")
  public List<Map<String, Object>> approvalRecords(@PathParam("processInstanceId") String processInstanceId,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    ApplicationContext spring = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext);
    Language language = spring.getBean(Languages.class).of(acceptLanguage);
    requireHistoryReader(language);
    HistoryService history = getProcessEngine().getHistoryService();
    HistoricProcessInstance instance = history.createHistoricProcessInstanceQuery()
        .processInstanceId(processInstanceId).singleResult();
    if (instance == null) {
      throw new NotFoundException(CockpitTexts.text(language, "history.noInstance", Map.of("id", processInstanceId)));
    }
    ApprovalRecordRepository repository = spring.getBean(ApprovalRecordRepository.class);

    Map<Long, ApprovalRecord> found = new TreeMap<>();
    if (instance.getBusinessKey() != null && !instance.getBusinessKey().isBlank()) {
      repository.findByCaseNumberOrderById(instance.getBusinessKey()).forEach(r -> found.put(r.getId(), r));
    }
    for (String id : instanceTree(history, processInstanceId)) {
      repository.findByProcessInstanceIdOrderById(id).forEach(r -> found.put(r.getId(), r));
    }
    List<Map<String, Object>> answer = new ArrayList<>();
    for (ApprovalRecord record : found.values()) {
      answer.add(view(record, language));
    }
    return answer;
  }

  /** The instance and every instance it called, breadth first, at most {@link #MAX_INSTANCES}. */
  private static Set<String> instanceTree(HistoryService history, String rootId) {
    Set<String> ids = new LinkedHashSet<>();
    Deque<String> queue = new ArrayDeque<>();
    queue.add(rootId);
    while (!queue.isEmpty() && ids.size() < MAX_INSTANCES) {
      String id = queue.poll();
      if (!ids.add(id)) {
        continue;
      }
      for (HistoricProcessInstance child : history.createHistoricProcessInstanceQuery()
          .superProcessInstanceId(id).listPage(0, MAX_INSTANCES)) {
        queue.add(child.getId());
      }
    }
    return ids;
  }

  /** Most names translated in one request. */
  static final int MAX_NAMES = 5000;

  /**
   * {@code POST .../names}: the names of user tasks and other elements (as the model or the task has them, such as
   * {@code Acknowledge customer · AS-2026-000042 · 北京…}) in the request's language, as Tasklist shows
   * them ({@link TaskTexts}); each item {@code {processDefinitionId, key, name}}, the answer the names
   * in the same order, a name without a translation as it is. Only reads: any logged-in user.
   */
  @POST
  @Path("names")
  @Consumes(MediaType.APPLICATION_JSON)
  public List<String> names(List<Map<String, String>> items,
      @HeaderParam(HttpHeaders.ACCEPT_LANGUAGE) String acceptLanguage) {
    Language language = WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(Languages.class).of(acceptLanguage);
    if (items == null || items.size() > MAX_NAMES) {
      throw new BadRequestException("Between 0 and " + MAX_NAMES + " names");
    }
    return items.stream().map(item -> item == null ? null
        : TaskTexts.taskName(item.get("name"), item.get("processDefinitionId"), item.get("key"), language)).toList();
  }

  /** {@code GET .../service-day}: {@link ServiceDay}, the zone the page shows times in. Any logged-in user. */
  @GET
  @Path("service-day")
  public Map<String, Object> serviceDay() {
    return ServiceDay.of(WebApplicationContextUtils.getRequiredWebApplicationContext(servletContext)
        .getBean(ServiceHoursProperties.class).zone());
  }

  private void requireHistoryReader(Language language) {
    Authentication authentication = getProcessEngine().getIdentityService().getCurrentAuthentication();
    if (authentication == null || authentication.getUserId() == null) {
      throw new NotAuthorizedException(CockpitTexts.text(language, "history.logInFirst", Map.of()), "Cookie");
    }
    List<String> groups = authentication.getGroupIds();
    if (groups == null) {
      groups = getProcessEngine().getIdentityService().createGroupQuery()
          .groupMember(authentication.getUserId()).list().stream().map(Group::getId).toList();
    }
    if (!groups.contains(StaffGroup.AUDITORS) && !groups.contains(StaffGroup.ADMINS)) {
      throw new ForbiddenException(CockpitTexts.text(language, "history.notAReader", Map.of()));
    }
  }

  /** The record as stored, plus {@code stepLabel} and {@code actionLabel} in the page's language. */
  private static Map<String, Object> view(ApprovalRecord record, Language language) {
    Map<String, Object> view = new LinkedHashMap<>();
    view.put("id", record.getId());
    view.put("processInstanceId", record.getProcessInstanceId());
    view.put("caseNumber", record.getCaseNumber());
    view.put("round", record.getRound());
    view.put("stepIndex", record.getStepIndex());
    view.put("stepName", record.getStepName());
    view.put("stepLabel", CockpitTexts.stepName(record.getStepName(), language));
    view.put("actor", record.getActor());
    view.put("action", record.getAction());
    view.put("actionLabel", CockpitTexts.approvalAction(record.getAction(), language));
    view.put("target", record.getTarget());
    view.put("comment", record.getComment());
    view.put("taskId", record.getTaskId());
    view.put("recordedAt", record.getRecordedAt() == null ? null : record.getRecordedAt().toString());
    return view;
  }
}
