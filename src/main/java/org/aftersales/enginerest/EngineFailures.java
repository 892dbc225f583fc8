package org.aftersales.enginerest;

import java.sql.SQLException;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.aftersales.common.Language;
import org.aftersales.identity.ldap.DirectoryUnavailableException;
import org.aftersales.security.DirectoryUnavailable;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.BadUserRequestException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.camunda.spin.SpinRuntimeException;

/**
 * Which of the failures engine-rest answers with a 500 are the client's: a missing body or field
 * (the engine's null checks and NullPointerExceptions), an unknown id, a value the engine refuses.
 * Decided by the exception's type and its causes; what is not recognised stays a 500.
 */
final class EngineFailures {

  /** A 4xx answer for a failure; {@code sure} is false where a server fault could hide behind it. */
  record Answer(int status, String type, String message, boolean sure) {
  }

  /** The JDK's helpful NullPointerException text when a DTO getter returned null: the field is missing. */
  private static final Pattern NULL_GETTER = Pattern.compile("return value of \"[\\w.$]+\\.(?:get|is)(\\w+)\\(\\)\" is null");
  /** ... and when the body itself was missing ({@code because "dto" is null}). */
  private static final Pattern NULL_LOCAL = Pattern.compile("because \"(\\w+)\" is null");
  /** ... and when the engine looked an entity up and found none ({@code TaskEntity.getId() because "task" is null}). */
  private static final Pattern NULL_ENTITY = Pattern.compile(
      "\"org\\.(?:camunda|operaton)\\.bpm\\.engine\\.impl\\.[\\w.$]+Entity\\.\\w+\\(\\)\" because \"(\\w+)\" is null");
  /** ... and when a field of the DTO was null ({@code because "this.type" is null}). */
  private static final Pattern NULL_FIELD = Pattern.compile("because \"this\\.(\\w+)\" is null");

  private EngineFailures() {
  }

  /**
   * The answer for a failure engine-rest would answer with a 5xx, or empty to keep its 500.
   *
   * @param pathValues the values of the request's path parameters (ids, keys, names)
   */
  static Optional<Answer> classify(Throwable failure, Collection<String> pathValues) {
    for (Throwable cause = failure; cause != null; cause = next(cause)) {
      Optional<Answer> answer = answer(cause, pathValues);
      if (answer.isPresent()) {
        // engine-rest's wrapper says what was being done ("Cannot get task variable x: ...").
        boolean engineText = answer.get().sure() && failure instanceof RestException && failure.getMessage() != null;
        return engineText
            ? Optional.of(new Answer(answer.get().status(), answer.get().type(), failure.getMessage(), true))
            : answer;
      }
    }
    return Optional.empty();
  }

  private static Optional<Answer> answer(Throwable cause, Collection<String> pathValues) {
    String message = cause.getMessage() == null ? "" : cause.getMessage();
    if (cause instanceof DirectoryUnavailableException) {
      return Optional.of(new Answer(503, DirectoryUnavailable.TYPE,
          (String) DirectoryUnavailable.body(Language.EN).get("message"), true));
    }
    if (cause instanceof AuthorizationException) {
      return Optional.of(new Answer(403, "AuthorizationException", message, true));
    }
    if (cause instanceof NullValueException || cause instanceof BadUserRequestException) {
      // The engine's "<what> is null" checks: a lookup by an id from the path found nothing (404),
      // or a value the request must give is missing or refers to nothing (400).
      return Optional.of(mentionsAny(message, pathValues)
          ? new Answer(404, "InvalidRequestException", message, true)
          : new Answer(400, "InvalidRequestException", message, true));
    }
    if (cause instanceof RestException && cause.getCause() == null && mentionsAny(message, pathValues)) {
      // Some resources rethrow the engine's "No job found with id ..." as a bare 500 without its cause.
      return Optional.of(new Answer(404, "InvalidRequestException", message, true));
    }
    if (cause instanceof OptimisticLockingException) {
      return Optional.of(new Answer(409, "OptimisticLockingException",
          "The resource was changed by another request at the same time; read it again and retry", true));
    }
    if (cause instanceof SpinRuntimeException) {
      return Optional.of(new Answer(400, "InvalidRequestException", "A value cannot be read as JSON or XML: " + message
          + ". Read stored object variables unparsed with deserializeValue=false (deserializeValues=false for lists)",
          false));
    }
    if (cause instanceof SQLException sql && sql.getSQLState() != null) {
      return sqlAnswer(sql);
    }
    if (thrownByOurCode(cause)) {
      return Optional.empty(); // a fault of ours (a delegate, a listener) is not the client's
    }
    if (cause instanceof NullPointerException) {
      return Optional.of(nullAnswer(message, pathValues));
    }
    if (cause instanceof IllegalArgumentException) {
      return Optional.of(new Answer(400, "InvalidRequestException", "Invalid value: " + message, false));
    }
    if (cause.getClass() == ProcessEngineException.class && cause.getCause() == null) {
      // The engine refuses a request's values with a plain ProcessEngineException ("Set of process
      // instance ids is empty", "Already querying for ..."); its own faults carry a cause or a subtype.
      return Optional.of(new Answer(400, "InvalidRequestException", message, false));
    }
    return Optional.empty();
  }

  /**
   * Data errors (class 22) are the value's fault, integrity errors (23) a conflict with what is
   * stored. A syntax error (PostgreSQL 42601, H2 42000/42001) comes from the engine's own SQL
   * templates, which break on some combinations of query parameters (in 7.24 {@code deploymentId}
   * with {@code processDefinitionId} in the operation log, {@code decisionInstanceId} with
   * {@code decisionInstanceIdIn}): the request can avoid it, so it is told to.
   */
  private static Optional<Answer> sqlAnswer(SQLException sql) {
    if (Set.of("42601", "42000", "42001").contains(sql.getSQLState())) {
      return Optional.of(new Answer(400, "InvalidRequestException", "The engine cannot run this combination of "
          + "query parameters; leave out one of those that overlap (e.g. an id beside a list of ids)", false));
    }
    String sqlClass = sql.getSQLState().length() >= 2 ? sql.getSQLState().substring(0, 2) : "";
    return switch (sqlClass) {
      case "22" -> Optional.of(new Answer(400, "InvalidRequestException",
          "A value of the request does not fit the database column it is stored in or compared with", false));
      case "23" -> Optional.of(new Answer(409, "InvalidRequestException",
          "The request conflicts with what is stored (a duplicate id or a missing reference)", true));
      default -> Optional.empty();
    };
  }

  /**
   * What a NullPointerException in engine-rest or the engine means, read from the JDK's helpful
   * message: a DTO getter or field that returned null is a missing field, a null DTO a missing
   * body, a null engine entity a lookup (often an authorization check) that found nothing for the
   * id in the path.
   */
  static Answer nullAnswer(String message, Collection<String> pathValues) {
    Matcher getter = NULL_GETTER.matcher(message);
    if (getter.find()) {
      return missing("The field '" + decapitalize(getter.group(1)) + "' is required");
    }
    Matcher field = NULL_FIELD.matcher(message);
    if (field.find()) {
      return missing("The field '" + field.group(1) + "' is required");
    }
    Matcher local = NULL_LOCAL.matcher(message);
    if (message.contains("\"org.camunda.bpm.engine.rest.dto.") && local.find()) {
      return missing("The request body is required");
    }
    if (message.contains("MultipartFormData$FormPart")) {
      return missing("A part of the multipart form is missing");
    }
    Matcher entity = NULL_ENTITY.matcher(message);
    if (entity.find() && !pathValues.isEmpty()) {
      String what = entity.group(1).replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase();
      return new Answer(404, "InvalidRequestException",
          "No " + what + " found with id '" + pathValues.iterator().next() + "'", false);
    }
    return missing("A required value is missing from the request (the body or one of its fields)");
  }

  private static Answer missing(String message) {
    return new Answer(400, "InvalidRequestException", message, false);
  }

  private static String decapitalize(String name) {
    return Character.toLowerCase(name.charAt(0)) + name.substring(1);
  }

  private static boolean mentionsAny(String message, Collection<String> pathValues) {
    return pathValues.stream().anyMatch(value -> !value.isBlank() && message.contains(value));
  }

  /** Whether the first frame outside the JDK is this application's. */
  static boolean thrownByOurCode(Throwable cause) {
    for (StackTraceElement frame : cause.getStackTrace()) {
      String type = frame.getClassName();
      if (!type.startsWith("java.") && !type.startsWith("jdk.") && !type.startsWith("sun.")) {
        return type.startsWith("org.aftersales.");
      }
    }
    return false;
  }

  private static Throwable next(Throwable cause) {
    Throwable next = cause.getCause();
    if (next == null && cause instanceof SQLException sql) {
      next = sql.getNextException();
    }
    return next == cause ? null : next;
  }
}
