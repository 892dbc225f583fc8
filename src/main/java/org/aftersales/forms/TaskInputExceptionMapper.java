package org.aftersales.forms;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.aftersales.common.TaskInputException;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;

/**
 * A task listener's refusal ({@link TaskInputException}) reaches engine-rest wrapped
 * ("ENGINE-03051 There was an exception while invoking the TaskListener") and would answer
 * 500; this answers 400 with the field instead. Every other exception keeps engine-rest's own
 * answer: the mapper takes only exceptions caused by a {@code TaskInputException}, and its
 * priority beats engine-rest's mappers of the same exception types.
 */
@Priority(TaskInputExceptionMapper.BEFORE_ENGINE_REST)
public abstract class TaskInputExceptionMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  /** engine-rest's mappers have the default user priority (5000); lower wins. */
  static final int BEFORE_ENGINE_REST = 1000;
  static final String RULE = "accepted";

  @Override
  public boolean isMappable(E exception) {
    return cause(exception) != null;
  }

  @Override
  public Response toResponse(E exception) {
    TaskInputException refusal = cause(exception);
    String message = refusal.getMessage().startsWith(refusal.field() + ": ")
        ? refusal.getMessage().substring(refusal.field().length() + 2) : refusal.getMessage();
    var body = FormErrors.body(List.of(new FormViolation(refusal.field(), RULE, message)));
    return Response.status(Response.Status.BAD_REQUEST).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  static TaskInputException cause(Throwable exception) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof TaskInputException refusal) {
        return refusal;
      }
    }
    return null;
  }

  /** What resources such as {@code TaskResourceImpl.complete} throw: a 500 wrapping the engine's exception. */
  @Priority(BEFORE_ENGINE_REST)
  public static class ForRestException extends TaskInputExceptionMapper<org.camunda.bpm.engine.rest.exception.RestException> {
  }

  /** Engine exceptions that resources let through unwrapped. */
  @Priority(BEFORE_ENGINE_REST)
  public static class ForProcessEngineException extends TaskInputExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {
  }
}
