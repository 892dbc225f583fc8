package org.aftersales.forms;

import org.aftersales.sla.ServiceHours;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class FormsConfiguration {

  /**
   * After the request guard (10), authentication (20) and the approval guard (30), which drops
   * the approval forms' read-only fields first.
   */
  @Bean
  FilterRegistrationBean<FormEnforcementFilter> formEnforcementFilter(DeployedForms forms, IdentityService identityService,
      ServiceHours serviceHours) {
    var registration = new FilterRegistrationBean<>(new FormEnforcementFilter(forms, identityService, serviceHours.zone()));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("formEnforcementFilter");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 40);
    return registration;
  }
}
