package org.aftersales.enginerest;

import jakarta.ws.rs.ApplicationPath;
import org.aftersales.forms.TaskInputExceptionMapper;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

/**
 * engine-rest (Jersey) as the starter configures it, plus our exception mappers: task listener
 * refusals and the client's mistakes answer 4xx instead of engine-rest's 500.
 */
@ApplicationPath("/engine-rest")
public class EngineRestJerseyConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(TaskInputExceptionMapper.ForRestException.class);
    register(TaskInputExceptionMapper.ForProcessEngineException.class);
    register(EngineRestExceptionMapper.ForThrowable.class);
    register(EngineRestExceptionMapper.ForProcessEngineException.class);
    register(EngineRestExceptionMapper.ForRestException.class);
  }
}
