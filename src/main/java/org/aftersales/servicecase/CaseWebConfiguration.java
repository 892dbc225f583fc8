package org.aftersales.servicecase;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.DeployedForms;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class CaseWebConfiguration {

  /** After the form check (40): the start form's own rules first, then the intake's. */
  @Bean
  FilterRegistrationBean<CaseStartForm> caseStartForm(CaseIntake intake, RepositoryService repositoryService,
      IdentityService identityService, SystemAuthority system, ObjectMapper mapper, DeployedForms forms) {
    var registration = new FilterRegistrationBean<>(
        new CaseStartForm(intake, repositoryService, identityService, system, mapper, forms));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("caseStartForm");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 45);
    return registration;
  }
}
