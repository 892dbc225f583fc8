package org.aftersales.tasklist;

import org.aftersales.common.Languages;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.DeployedForms;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class TasklistTextsConfiguration {

  /**
   * Right after the security headers (5), so every later filter (the form check's 400 among them)
   * finds the request's language, and the texts change only in answers the guards let through.
   */
  @Bean
  FilterRegistrationBean<LocalisedResponses> localisedResponses(Languages languages, DeployedForms forms, TaskService taskService,
      FilterService filterService, SystemAuthority system) {
    var registration = new FilterRegistrationBean<>(new LocalisedResponses(languages, forms, taskService, filterService, system));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/api/*");
    registration.setName("localisedResponses");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 6);
    return registration;
  }
}
