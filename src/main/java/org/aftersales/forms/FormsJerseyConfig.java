package org.aftersales.forms;

import jakarta.ws.rs.ApplicationPath;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;

/** engine-rest (Jersey) as the starter configures it, plus the mapping of task listener refusals to 400. */
@ApplicationPath("/engine-rest")
public class FormsJerseyConfig extends CamundaJerseyResourceConfig {

  @Override
  protected void registerAdditionalResources() {
    register(TaskInputExceptionMapper.ForRestException.class);
    register(TaskInputExceptionMapper.ForProcessEngineException.class);
  }
}
