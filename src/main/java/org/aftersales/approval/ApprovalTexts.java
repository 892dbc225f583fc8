package org.aftersales.approval;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.aftersales.common.Bundle;
import org.aftersales.common.Language;

/**
 * An approval's words in the reader's language, as Tasklist's Approval and Case tabs show them: the
 * route's step names (the {@code stepName}s of approval-routing.dmn, {@code value.stepName.<English>}
 * in {@code i18n/tasks_*.properties}, as the task names use them) and what each record says happened
 * ({@code action.<code>} in {@code i18n/tabs_*.properties}). Stored records and variables keep the
 * English; codes stay as they are.
 */
public final class ApprovalTexts {

  private static final Map<Language, Bundle> STEPS = Map.of(
      Language.EN, Bundle.load("tasks", Language.EN), Language.ZH_CN, Bundle.load("tasks", Language.ZH_CN));
  private static final Map<Language, Bundle> TABS = Map.of(
      Language.EN, Bundle.load("tabs", Language.EN), Language.ZH_CN, Bundle.load("tabs", Language.ZH_CN));
  private static final java.util.regex.Pattern ESCALATED = Bundle.pattern(TABS.get(Language.EN).get("step.escalated"), "");
  private static final java.util.regex.Pattern NUMBERED = Bundle.pattern(TABS.get(Language.EN).get("step.numbered"), "");

  private ApprovalTexts() {
  }

  /** What a record's action code says, in {@code language}; an unknown code as it is. */
  public static String action(String code, Language language) {
    String text = code == null ? null : TABS.get(language).get("action." + code);
    return text != null ? text : ApprovalAction.labelOf(code);
  }

  /**
   * A step's name in {@code language}, while it is one the routing table gives (or one the application
   * makes of it: "Escalated: …", "Step 2"); any other name, and English, as it is.
   */
  public static String stepName(String name, Language language) {
    if (name == null || language == Language.EN) {
      return name;
    }
    String translated = STEPS.get(language).get("value.stepName." + name);
    if (translated != null) {
      return translated;
    }
    Matcher escalated = ESCALATED.matcher(name);
    if (escalated.matches()) {
      return TABS.get(language).format("step.escalated", Map.of("step", stepName(escalated.group(1), language)));
    }
    Matcher numbered = NUMBERED.matcher(name);
    if (numbered.matches()) {
      return TABS.get(language).format("step.numbered", Map.of("number", numbered.group(1)));
    }
    return name;
  }

  /** The view with its step names and record actions in {@code language}. */
  public static ApprovalView localise(ApprovalView view, Language language) {
    ApprovalView.CurrentStep current = view.currentStep() == null ? null : new ApprovalView.CurrentStep(
        view.currentStep().step(), stepName(view.currentStep().name(), language), view.currentStep().signMode(),
        view.currentStep().tasks());
    List<RouteStep> route = view.route() == null ? null : view.route().stream()
        .map(s -> new RouteStep(s.step(), stepName(s.stepName(), language), s.candidateGroup(), s.approverExpression(),
            s.signMode(), s.signRatio(), s.remindAfter(), s.timeoutAfter(), s.onTimeout(), s.onReject(), s.maxRounds(),
            s.skipRequester(), s.skipPriorApprovers()))
        .toList();
    List<ApprovalView.Entry> records = view.records() == null ? null : view.records().stream()
        .map(r -> new ApprovalView.Entry(r.id(), r.at(), r.round(), r.step(), stepName(r.stepName(), language),
            r.actor(), r.action(), action(r.action(), language), r.target(), r.comment()))
        .toList();
    return new ApprovalView(view.processInstanceId(), view.businessKey(), view.status(), view.subjectType(),
        view.amount(), view.currency(), view.requester(), view.department(), view.region(), view.summary(),
        view.round(), current, route, view.copiedTo(), records, view.operations());
  }
}
