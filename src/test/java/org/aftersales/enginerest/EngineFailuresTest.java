package org.aftersales.enginerest;

import static jakarta.ws.rs.core.Response.Status.INTERNAL_SERVER_ERROR;
import static org.assertj.core.api.Assertions.assertThat;

import java.sql.SQLException;
import java.util.List;
import org.aftersales.enginerest.EngineFailures.Answer;
import org.apache.ibatis.exceptions.PersistenceException;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.ProcessEnginePersistenceException;
import org.camunda.bpm.engine.exception.NullValueException;
import org.camunda.bpm.engine.rest.exception.InvalidRequestException;
import org.camunda.bpm.engine.rest.exception.RestException;
import org.junit.jupiter.api.Test;

class EngineFailuresTest {

  private static final List<String> PATH = List.of("no-such-task", "amount");

  @Test
  void anUnknownIdFromThePathIs404AndAMissingValueIs400() {
    assertThat(status(new NullValueException("Cannot find task with id no-such-task: task is null"))).isEqualTo(404);
    assertThat(status(new RestException(INTERNAL_SERVER_ERROR, new NullValueException("task no-such-task doesn't exist: task is null"),
        "Cannot get task variable amount: task no-such-task doesn't exist"))).isEqualTo(404);
    assertThat(status(new NullValueException("workerId is null"))).isEqualTo(400);
    assertThat(status(new InvalidRequestException(INTERNAL_SERVER_ERROR,
        "No job found with id 'no-such-task'."))).isEqualTo(404);
  }

  @Test
  void aMissingBodyOrFieldIs400NamingIt() {
    Answer body = answer(engine(new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.rest.dto.runtime"
        + ".RetriesDto.getRetries()\" because \"dto\" is null")));
    assertThat(body.status()).isEqualTo(400);
    assertThat(body.message()).isEqualTo("The request body is required");
    assertThat(answer(engine(new NullPointerException("Cannot invoke \"java.lang.Integer.intValue()\" because the return "
        + "value of \"org.camunda.bpm.engine.rest.dto.runtime.PriorityDto.getPriority()\" is null"))).message())
        .isEqualTo("The field 'priority' is required");
    assertThat(answer(engine(new NullPointerException(
        "Cannot invoke \"java.lang.Integer.intValue()\" because \"this.type\" is null"))).message()).isEqualTo("The field 'type' is required");
  }

  @Test
  void anAuthorizationCheckThatFindsNothingIs404() {
    Answer answer = answer(engine(new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.impl.persistence"
        + ".entity.ProcessDefinitionEntity.getId()\" because \"processDefinition\" is null")));
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.message()).isEqualTo("No process definition found with id 'no-such-task'");
    assertThat(answer(engine(new NullPointerException("Cannot invoke \"org.camunda.bpm.engine.rest.mapper"
        + ".MultipartFormData$FormPart.getBinaryContent()\" because \"binaryDataFormPart\" is null"))).message())
        .isEqualTo("A part of the multipart form is missing");
  }

  @Test
  void refusalsConflictsAndPermissionsGetTheirStatus() {
    assertThat(status(engine(new ProcessEngineException("Set of process instance ids is empty")))).isEqualTo(400);
    assertThat(status(new OptimisticLockingException("updated by another transaction"))).isEqualTo(409);
    assertThat(status(new RestException(INTERNAL_SERVER_ERROR, new AuthorizationException("no READ")))).isEqualTo(403);
    assertThat(status(engine(new IllegalArgumentException("Invalid format: \"x\"")))).isEqualTo(400);
    assertThat(status(persistence("23505"))).isEqualTo(409);
    assertThat(status(persistence("22P02"))).isEqualTo(400);
    assertThat(status(persistence("42601"))).isEqualTo(400);
  }

  @Test
  void serverFaultsStay500() {
    assertThat(EngineFailures.classify(persistence("08006"), PATH)).isEmpty();
    assertThat(EngineFailures.classify(new ProcessEngineException("listener failed", new IllegalStateException("x")),
        PATH)).isEmpty();
    assertThat(EngineFailures.classify(new RestException("Cannot complete task"), PATH)).isEmpty();
    // A NullPointerException thrown by our own code (a delegate, a listener) is not the client's.
    NullPointerException ours = new NullPointerException("ours");
    ours.setStackTrace(new StackTraceElement[] {
        new StackTraceElement("org.aftersales.repair.SomeDelegate", "execute", "SomeDelegate.java", 10)});
    assertThat(EngineFailures.classify(new ProcessEngineException("ENGINE-03051 listener", ours), PATH)).isEmpty();
  }

  /** Thrown where engine-rest throws it (exceptions made here start in this test class, i.e. in our code). */
  private static <T extends Throwable> T engine(T failure) {
    failure.setStackTrace(new StackTraceElement[] {new StackTraceElement(
        "org.camunda.bpm.engine.rest.sub.runtime.impl.JobResourceImpl", "setJobRetries", "JobResourceImpl.java", 1)});
    return failure;
  }

  private static ProcessEnginePersistenceException persistence(String sqlState) {
    return new ProcessEnginePersistenceException("persistence", new PersistenceException(new SQLException("sql failed", sqlState)));
  }

  private static int status(Throwable failure) {
    return answer(failure).status();
  }

  private static Answer answer(Throwable failure) {
    return EngineFailures.classify(failure, PATH).orElseThrow();
  }
}
