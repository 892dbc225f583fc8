package org.aftersales.approval;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import org.aftersales.api.ApiAccess;
import org.aftersales.api.ApiException;
import org.aftersales.api.ApiLanguage;
import org.aftersales.common.Languages;
import org.aftersales.common.Retries;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * {@code /api/approvals/{processInstanceId}}: read an approval, and the operations beyond
 * Tasklist's claim, delegate and reassign. Each answers with the approval as it now stands, its step
 * names and record actions in the reader's language ({@link ApprovalTexts}).
 */
@RestController
@RequestMapping("/api/approvals/{processInstanceId}")
public class ApprovalController {

  static final int MAX_COMMENT = 3800;

  private final ApprovalOperations operations;
  private final ApiAccess access;
  private final Languages languages;
  private final HttpServletRequest request;

  public ApprovalController(ApprovalOperations operations, ApiAccess access, Languages languages,
      HttpServletRequest request) {
    this.operations = operations;
    this.access = access;
    this.languages = languages;
    this.request = request;
  }

  public record Transfer(String to, String taskId, String comment) {
  }

  public record AddApprover(String user, String comment) {
  }

  public record Copy(List<String> users, String comment) {
  }

  public record Note(String comment) {
  }

  @GetMapping
  public ApprovalView get(@PathVariable String processInstanceId) {
    return shown(operations.view(processInstanceId, access.currentUser()));
  }

  @PostMapping("/transfer")
  public ApprovalView transfer(@PathVariable String processInstanceId, @RequestBody Transfer body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() ->
        operations.transfer(processInstanceId, actor, body.taskId(), body.to(), checked(body.comment()))));
  }

  @PostMapping("/approvers")
  public ApprovalView addApprover(@PathVariable String processInstanceId, @RequestBody AddApprover body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() ->
        operations.addApprover(processInstanceId, actor, body.user(), checked(body.comment()))));
  }

  @PostMapping("/copies")
  public ApprovalView copy(@PathVariable String processInstanceId, @RequestBody Copy body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() ->
        operations.copy(processInstanceId, actor, body.users(), checked(body.comment()))));
  }

  @PostMapping("/urge")
  public ApprovalView urge(@PathVariable String processInstanceId, @RequestBody(required = false) Note body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() -> operations.urge(processInstanceId, actor, comment(body))));
  }

  @PostMapping("/withdraw")
  public ApprovalView withdraw(@PathVariable String processInstanceId, @RequestBody(required = false) Note body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() -> operations.withdraw(processInstanceId, actor, comment(body))));
  }

  @PostMapping("/return")
  public ApprovalView returnToPrevious(@PathVariable String processInstanceId, @RequestBody Note body) {
    String actor = access.currentUser();
    return shown(Retries.onConcurrentUpdate(() -> operations.returnToPrevious(processInstanceId, actor, comment(body))));
  }

  private ApprovalView shown(ApprovalView view) {
    return ApprovalTexts.localise(view, ApiLanguage.of(languages, request));
  }

  private static String comment(Note body) {
    return body == null ? null : checked(body.comment());
  }

  /** Comments are kept whole or refused: the record's and the engine comment's limit. */
  private static String checked(String comment) {
    if (comment != null && comment.length() > MAX_COMMENT) {
      throw ApiException.badField("comment", "at most " + MAX_COMMENT + " characters");
    }
    return comment;
  }
}
