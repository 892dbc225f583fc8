package org.aftersales.approval;

import org.aftersales.common.SystemAuthority;
import org.aftersales.forms.DeployedForms;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

@Configuration
class ApprovalWebConfiguration {

  /** After authentication and the expression guard (orders 10 and 20 in SecurityConfiguration). */
  @Bean
  FilterRegistrationBean<ApprovalTaskGuard> approvalTaskGuard(TaskService taskService, SystemAuthority system) {
    var registration = new FilterRegistrationBean<>(new ApprovalTaskGuard(taskService, system));
    registration.addUrlPatterns("/engine-rest/task/*");
    registration.setName("approvalTaskGuard");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 30);
    return registration;
  }

  /** "Request an approval" from Tasklist: after the form check (40). */
  @Bean
  FilterRegistrationBean<ApprovalStartForm> approvalStartForm(RuntimeService runtimeService,
      RepositoryService repositoryService, IdentityService identityService, SystemAuthority system,
      DeployedForms forms) {
    var registration = new FilterRegistrationBean<>(
        new ApprovalStartForm(runtimeService, repositoryService, identityService, system, forms));
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/engine/*");
    registration.setName("approvalStartForm");
    registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 45);
    return registration;
  }
}
