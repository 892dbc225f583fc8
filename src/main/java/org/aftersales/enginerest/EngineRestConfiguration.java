package org.aftersales.enginerest;

import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.spring.boot.starter.rest.CamundaJerseyResourceConfig;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class EngineRestConfiguration {

  /** Replaces the starter's engine-rest configuration (it backs off when this bean exists). */
  @Bean
  CamundaJerseyResourceConfig camundaJerseyResourceConfig() {
    return new EngineRestJerseyConfig();
  }

  /** After authentication (20): it asks the engine as the caller. */
  @Bean
  FilterRegistrationBean<HiddenTaskDeletion> hiddenTaskDeletion(ProcessEngine engine) {
    var registration = new FilterRegistrationBean<>(new HiddenTaskDeletion(engine));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("hiddenTaskDeletion");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 25);
    return registration;
  }

  /** Before the engine's APIs, after the guards have read the body. */
  @Bean
  FilterRegistrationBean<TaskUpdateFormRef> taskUpdateFormRef() {
    var registration = new FilterRegistrationBean<>(new TaskUpdateFormRef());
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("taskUpdateFormRef");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 26);
    return registration;
  }
}
