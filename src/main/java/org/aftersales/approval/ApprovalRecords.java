package org.aftersales.approval;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aftersales.common.EngineTime;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes approval records: a row in {@code approval_record} and a Camunda comment on the
 * task (or on every open approval task, for operations on the whole approval), so
 * Tasklist shows them beside the form. Both join the engine's transaction.
 */
@Service
public class ApprovalRecords {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalRecords.class);
  public static final String SYSTEM = "system";

  private final ApprovalRecordRepository records;
  private final TaskService taskService;
  private final IdentityService identityService;

  public ApprovalRecords(ApprovalRecordRepository records, TaskService taskService, IdentityService identityService) {
    this.records = records;
    this.taskService = taskService;
    this.identityService = identityService;
  }

  /** Where in the approval a record belongs. */
  public record Place(String processInstanceId, String caseNumber, int round, Integer stepIndex, String stepName,
      String stepRun) {

    public Place(String processInstanceId, String caseNumber, int round, Integer stepIndex, String stepName) {
      this(processInstanceId, caseNumber, round, stepIndex, stepName, null);
    }

    public Place inRun(String run) {
      return new Place(processInstanceId, caseNumber, round, stepIndex, stepName, run);
    }
  }

  public ApprovalRecord record(Place place, String actor, ApprovalAction action, String target, String comment,
      String taskId) {
    String who = actor == null || actor.isBlank() ? SYSTEM : actor;
    ApprovalRecord saved = records.save(new ApprovalRecord(place.processInstanceId(), place.caseNumber(),
        place.round(), place.stepIndex(), place.stepName(), place.stepRun(), who, action, cut(target, 4000),
        trim(comment), taskId, EngineTime.now()));
    LOG.info("Approval {} round {} step {}: {} by {}{}", place.processInstanceId(), place.round(),
        place.stepName(), action.code(), who, target == null ? "" : " -> " + target);
    comment(place, who, action, target, comment, taskId);
    return saved;
  }

  private void comment(Place place, String actor, ApprovalAction action, String target, String comment,
      String taskId) {
    StringBuilder text = new StringBuilder(action.label());
    if (target != null) {
      text.append(": ").append(target);
    }
    text.append(" (").append(actor);
    if (place.stepName() != null) {
      text.append(", step \"").append(place.stepName()).append('"');
    }
    text.append(')');
    if (comment != null && !comment.isBlank()) {
      text.append(" — ").append(comment.strip());
    }
    String message = text.length() > 3900 ? text.substring(0, 3900) + "…" : text.toString();
    // Tasks are looked up as the application (whoever triggered this may not see them all);
    // the comment's author is the engine's authenticated user: the actor, for the moment.
    Authentication previous = identityService.getCurrentAuthentication();
    identityService.clearAuthentication();
    try {
      List<String> taskIds = new ArrayList<>();
      if (taskId != null) {
        taskIds.add(taskId);
      } else {
        taskService.createTaskQuery().processInstanceId(place.processInstanceId()).list().stream()
            .map(Task::getId).forEach(taskIds::add);
      }
      if (!SYSTEM.equals(actor)) {
        identityService.setAuthentication(actor, null);
      }
      if (taskIds.isEmpty()) {
        taskService.createComment(null, place.processInstanceId(), message);
      }
      for (String id : taskIds) {
        taskService.createComment(id, place.processInstanceId(), message);
      }
    } finally {
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  /** Whether the user approved or rejected in this run of a step. */
  public boolean hasDecided(String stepRun, String user) {
    return stepRun != null && records.existsByStepRunAndActorAndActionIn(stepRun, user,
        List.of(ApprovalAction.APPROVED.code(), ApprovalAction.REJECTED.code()));
  }

  /** The decisions of an approval, in order, as the process hands them back to its caller. */
  public List<Map<String, Object>> decisions(String processInstanceId) {
    List<Map<String, Object>> decisions = new ArrayList<>();
    for (ApprovalRecord r : records.findByProcessInstanceIdOrderById(processInstanceId)) {
      if (!ApprovalAction.find(r.getAction()).map(ApprovalAction::isDecision).orElse(false)) {
        continue;
      }
      Map<String, Object> decision = new LinkedHashMap<>();
      decision.put("round", r.getRound());
      decision.put("step", r.getStepIndex() == null ? null : r.getStepIndex() + 1);
      decision.put("stepName", r.getStepName());
      decision.put("approver", r.getActor());
      decision.put("decision", r.getAction());
      decision.put("comment", r.getComment());
      decision.put("at", r.getRecordedAt().toString());
      decisions.add(decision);
    }
    return decisions;
  }

  private static String cut(String text, int max) {
    return text == null || text.length() <= max ? text : text.substring(0, max - 1) + "…";
  }

  private static String trim(String comment) {
    if (comment == null || comment.isBlank()) {
      return null;
    }
    String c = comment.strip();
    return c.length() > 4000 ? c.substring(0, 4000) : c;
  }
}
