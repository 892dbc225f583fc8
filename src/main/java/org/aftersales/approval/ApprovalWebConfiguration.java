package org.aftersales.approval;

import org.aftersales.common.SystemAuthority;
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
}
