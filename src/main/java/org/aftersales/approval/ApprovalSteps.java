package org.aftersales.approval;

import static org.aftersales.approval.ApprovalVariables.*;
import static org.aftersales.common.Variables.string;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aftersales.common.EngineTime;
import org.aftersales.integration.notification.Notice;
import org.aftersales.integration.notification.Notification;
import org.aftersales.integration.notification.Notifications;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.Expression;
import org.camunda.bpm.engine.delegate.VariableScope;
import org.camunda.bpm.engine.impl.context.Context;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * The rules of the approval process that its delegates share: turning route rows into
 * steps, choosing a step's approvers, and where a record belongs.
 */
@Service
public class ApprovalSteps {

  private static final Logger LOG = LoggerFactory.getLogger(ApprovalSteps.class);
  /** Due date of a reminder or time-out the route does not ask for: the timer never fires. */
  static final Date NEVER = Date.from(Instant.parse("2999-12-31T00:00:00Z"));
  static final Set<String> SUBJECT_TYPES = Set.of("refund", "return-exception", "repair-quote", "generic");
  private static final Set<String> ON_TIMEOUT = Set.of(RouteStep.ESCALATE, RouteStep.AUTO_APPROVE,
      RouteStep.AUTO_REJECT);

  private final ApprovalPeople people;
  private final ApprovalRecords records;
  private final ApprovalRecordRepository recordRepository;
  private final ApprovalSettings settings;
  private final Notifications notifications;

  public ApprovalSteps(ApprovalPeople people, ApprovalRecords records, ApprovalRecordRepository recordRepository,
      ApprovalSettings settings, Notifications notifications) {
    this.people = people;
    this.records = records;
    this.recordRepository = recordRepository;
    this.settings = settings;
    this.notifications = notifications;
  }

  public ApprovalSettings settings() {
    return settings;
  }

  /** The rows of {@code approval-routing}, checked, in the order of their step numbers. */
  public List<RouteStep> route(List<Map<String, Object>> rows) {
    List<RouteStep> steps = new ArrayList<>();
    int position = 0;
    for (Map<String, Object> row : rows) {
      position++;
      steps.add(step(row, position));
    }
    steps.sort((a, b) -> Integer.compare(a.step(), b.step()));
    return steps;
  }

  private static RouteStep step(Map<String, Object> row, int position) {
    String where = "approval-routing row " + position;
    int step = number(row.get("step"), position);
    String name = text(row.get("stepName"));
    if (name != null && name.length() > 200) {
      throw new IllegalStateException(where + ": step name longer than 200 characters");
    }
    String group = text(row.get("candidateGroup"));
    String expression = text(row.get("approverExpression"));
    if (group == null && expression == null) {
      throw new IllegalStateException(where + ": names neither a candidate group nor an approver expression");
    }
    String signMode = text(row.get("signMode"));
    SignMode mode;
    try {
      mode = SignMode.of(signMode == null ? SignMode.SINGLE.code() : signMode);
    } catch (IllegalArgumentException e) {
      throw new IllegalStateException(where + ": " + e.getMessage());
    }
    Double ratio = row.get("signRatio") instanceof Number n ? n.doubleValue() : null;
    if (mode == SignMode.RATIO && (ratio == null || ratio <= 0 || ratio > 1)) {
      throw new IllegalStateException(where + ": sign mode ratio needs a threshold above 0 and at most 1, e.g. 2/3");
    }
    String remindAfter = duration(where, "remindAfter", row.get("remindAfter"));
    String timeoutAfter = duration(where, "timeoutAfter", row.get("timeoutAfter"));
    String onTimeout = text(row.get("onTimeout"));
    if (timeoutAfter != null) {
      onTimeout = onTimeout == null ? RouteStep.ESCALATE : onTimeout;
      if (!ON_TIMEOUT.contains(onTimeout)) {
        throw new IllegalStateException(where + ": on time-out '" + onTimeout
            + "' is not one of escalate, auto-approve, auto-reject");
      }
    } else {
      onTimeout = null;
    }
    String onReject = text(row.get("onReject"));
    onReject = onReject == null ? RouteStep.RESUBMIT : onReject;
    if (!RouteStep.RESUBMIT.equals(onReject) && !RouteStep.END.equals(onReject)) {
      throw new IllegalStateException(where + ": on rejection '" + onReject + "' is not one of resubmit, end");
    }
    int maxRounds = Math.max(0, number(row.get("maxRounds"), 1));
    boolean skipRequester = !(row.get("skipRequester") instanceof Boolean b) || b;
    boolean skipPrior = !(row.get("skipPriorApprovers") instanceof Boolean b2) || b2;
    return new RouteStep(step, name == null ? "Step " + step : name, group, expression, mode.code(),
        mode == SignMode.RATIO ? ratio : null, remindAfter, timeoutAfter, onTimeout, onReject, maxRounds,
        skipRequester, skipPrior);
  }

  /** Who decides this step: one task slot per approver, or one slot offered to several (single). */
  public List<String> approvers(DelegateExecution execution, RouteStep step, int stepIndex) {
    String requester = string(execution, REQUESTER);
    Set<String> candidates = new LinkedHashSet<>();
    if (step.approverExpression() != null) {
      candidates.addAll(evaluate(execution, step.approverExpression()));
    }
    if (candidates.isEmpty() && step.candidateGroup() != null) {
      candidates.addAll(people.membersOf(step.candidateGroup(), settings.maxStepApprovers()));
    }
    if (candidates.isEmpty()) {
      LOG.warn("Approval {} step '{}': nobody in {}; the escalation group {} decides", execution.getProcessInstanceId(),
          step.stepName(), step.candidateGroup(), settings.escalationGroup());
      candidates.addAll(people.membersOf(settings.escalationGroup(), settings.maxStepApprovers()));
    }
    if (candidates.isEmpty()) {
      throw new IllegalStateException("Approval step '" + step.stepName() + "' has nobody to ask: group "
          + step.candidateGroup() + " and the escalation group " + settings.escalationGroup() + " are empty");
    }
    if (step.skipRequester() && requester != null) {
      candidates.remove(requester);
      if (candidates.isEmpty()) {
        // The requester alone may decide this step: it goes up, never to nobody.
        candidates.addAll(people.membersOf(settings.escalationGroup(), settings.maxStepApprovers()));
        candidates.remove(requester);
        if (candidates.isEmpty()) {
          throw new IllegalStateException("Approval step '" + step.stepName() + "': only the requester " + requester
              + " could decide it, and the escalation group " + settings.escalationGroup() + " has nobody else");
        }
      }
    }
    if (step.skipPriorApprovers()) {
      candidates.removeAll(priorApprovers(execution.getProcessInstanceId(), integer(execution, ROUND, 1),
          stepIndex));
    }
    return new ArrayList<>(candidates);
  }

  /** People whose approval of an earlier step of this round still stands. */
  public Set<String> priorApprovers(String processInstanceId, int round, int beforeStep) {
    Set<String> prior = new LinkedHashSet<>();
    standingApprovals(processInstanceId, round).forEach((index, people) -> {
      if (index < beforeStep) {
        prior.addAll(people);
      }
    });
    return prior;
  }

  /**
   * Approvals of this round by step, as they stand: returning the approval to a step voids
   * what was approved from that step on.
   */
  public java.util.SortedMap<Integer, Set<String>> standingApprovals(String processInstanceId, int round) {
    java.util.SortedMap<Integer, Set<String>> standing = new java.util.TreeMap<>();
    for (ApprovalRecord r : recordRepository.findByProcessInstanceIdAndRoundAndActionInOrderById(processInstanceId,
        round, List.of(ApprovalAction.APPROVED.code(), ApprovalAction.RETURNED.code()))) {
      if (r.getStepIndex() == null) {
        continue;
      }
      if (ApprovalAction.RETURNED.code().equals(r.getAction())) {
        int target = returnTarget(standing, r.getStepIndex());
        standing.keySet().removeIf(index -> index >= target);
      } else {
        standing.computeIfAbsent(r.getStepIndex(), i -> new LinkedHashSet<>()).add(r.getActor());
      }
    }
    return standing;
  }

  /** The step a return from {@code fromStep} goes back to: the last earlier one a person approved, or -1. */
  static int returnTarget(java.util.SortedMap<Integer, Set<String>> standing, int fromStep) {
    return standing.headMap(fromStep).isEmpty() ? -1 : standing.headMap(fromStep).lastKey();
  }

  private static List<String> evaluate(DelegateExecution execution, String expressionText) {
    Expression expression = Context.getProcessEngineConfiguration().getExpressionManager()
        .createExpression(expressionText);
    Object value = expression.getValue(execution);
    List<String> users = new ArrayList<>();
    if (value instanceof Collection<?> collection) {
      collection.stream().filter(v -> v != null).map(Object::toString).map(String::trim)
          .filter(s -> !s.isEmpty()).forEach(users::add);
    } else if (value != null) {
      Arrays.stream(value.toString().split(",")).map(String::trim).filter(s -> !s.isEmpty()).forEach(users::add);
    }
    return users;
  }

  public static Date dueAfter(String isoDuration) {
    return isoDuration == null ? NEVER : Date.from(EngineTime.now().plus(Duration.parse(isoDuration)));
  }

  public ApprovalRecords.Place place(VariableScope scope, String processInstanceId, String businessKey) {
    RouteStep step = currentStep(scope);
    int index = integer(scope, STEP_INDEX, -1);
    return new ApprovalRecords.Place(processInstanceId, businessKey, integer(scope, ROUND, 1), index >= 0 ? index : null,
        step == null ? null : step.stepName());
  }

  public ApprovalRecords.Place place(DelegateExecution execution) {
    return place(execution, execution.getProcessInstanceId(), execution.getProcessBusinessKey());
  }

  public ApprovalRecords records() {
    return records;
  }

  /** Whether the step's rejection lets the requester revise: its row says resubmit and rounds are left. */
  public static boolean mayRevise(RouteStep step, int round) {
    return step != null && RouteStep.RESUBMIT.equals(step.onReject()) && round <= step.maxRounds();
  }

  /** Tells a staff member about an approval through the notification outbox, in the staff's language. */
  public void notifyUser(String businessKey, String user, Notice notice, String occurrence) {
    String caseNumber = businessKey != null && businessKey.length() <= 20 ? businessKey : null;
    notifications.queue(caseNumber, Notification.USER, user, notice, notifications.staffLanguage(),
        occurrence + "|" + user);
  }

  static String text(Object value) {
    if (value == null) {
      return null;
    }
    String s = value.toString().trim();
    return s.isEmpty() ? null : s;
  }

  private static int number(Object value, int fallback) {
    return value instanceof Number n ? n.intValue() : fallback;
  }

  private static String duration(String where, String field, Object value) {
    String text = text(value);
    if (text == null) {
      return null;
    }
    try {
      Duration d = Duration.parse(text);
      if (d.isNegative() || d.isZero()) {
        throw new IllegalStateException(where + ": " + field + " must be positive");
      }
      return text;
    } catch (java.time.format.DateTimeParseException e) {
      throw new IllegalStateException(where + ": " + field + " '" + text
          + "' is not an ISO-8601 duration such as PT8H or P2D");
    }
  }
}
