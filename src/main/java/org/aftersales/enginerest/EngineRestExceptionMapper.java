package org.aftersales.enginerest;

import jakarta.annotation.Priority;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.aftersales.enginerest.EngineFailures.Answer;
import org.camunda.bpm.engine.rest.exception.ExceptionHandlerHelper;
import org.glassfish.jersey.spi.ExtendedExceptionMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * engine-rest answers 500 to much that is the client's fault: a missing body or field
 * (NullPointerException), an unknown id (NullValueException), values the engine refuses. This
 * answers those with a 4xx in engine-rest's error shape ({@code {"type", "message"}}) and leaves
 * every other failure, and every answer below 500, to engine-rest's own mappers.
 *
 * <p>Where a server fault could hide behind a 4xx (a NullPointerException, a plain engine
 * exception) the exception is logged at WARN with a reference that the answer carries.
 */
@Priority(EngineRestExceptionMapper.AFTER_TASK_INPUT)
public abstract class EngineRestExceptionMapper<E extends Throwable> implements ExtendedExceptionMapper<E> {

  /** After the task-input mapper (1000), before engine-rest's own mappers (default 5000). */
  static final int AFTER_TASK_INPUT = 1100;
  private static final Logger LOG = LoggerFactory.getLogger(EngineRestExceptionMapper.class);

  @Context UriInfo uriInfo;
  @Context Request request;

  @Override
  public boolean isMappable(E exception) {
    return ExceptionHandlerHelper.getInstance().getStatus(exception).getStatusCode() >= 500
        && answer(exception).isPresent();
  }

  @Override
  public Response toResponse(E exception) {
    Answer answer = answer(exception).orElseThrow();
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", answer.type());
    body.put("message", answer.message());
    String where = request.getMethod() + " " + uriInfo.getRequestUri().getPath();
    if (answer.sure()) {
      LOG.info("{} answered {}: {}", where, answer.status(), exception.toString());
    } else {
      String reference = UUID.randomUUID().toString();
      body.put("reference", reference);
      LOG.warn("{} answered {} (reference {}); if the request was well-formed this is a server fault", where,
          answer.status(), reference, exception);
    }
    return Response.status(answer.status()).type(MediaType.APPLICATION_JSON_TYPE).entity(body).build();
  }

  private Optional<Answer> answer(Throwable exception) {
    return EngineFailures.classify(exception, pathValues());
  }

  /** The ids, keys and names in the path; not the engine's name ({@code /engine/{name}/...}). */
  private Collection<String> pathValues() {
    return uriInfo.getPathParameters().entrySet().stream().filter(parameter -> !parameter.getKey().equals("name"))
        .flatMap(parameter -> parameter.getValue().stream()).toList();
  }

  /** Failures engine-rest maps with its catch-all (NullPointerException, IllegalArgumentException ...). */
  @Priority(AFTER_TASK_INPUT)
  public static class ForThrowable extends EngineRestExceptionMapper<Throwable> {
  }

  /** Engine exceptions that resources let through (NullValueException, ProcessEngineException ...). */
  @Priority(AFTER_TASK_INPUT)
  public static class ForProcessEngineException
      extends EngineRestExceptionMapper<org.camunda.bpm.engine.ProcessEngineException> {
  }

  /** engine-rest's wrappers of engine exceptions, most with status 500. */
  @Priority(AFTER_TASK_INPUT)
  public static class ForRestException extends EngineRestExceptionMapper<org.camunda.bpm.engine.rest.exception.RestException> {
  }
}
