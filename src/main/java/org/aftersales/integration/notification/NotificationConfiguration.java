package org.aftersales.integration.notification;

import org.aftersales.integration.IntegrationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class NotificationConfiguration {

  @Bean
  NoticeChannels noticeChannels(NotificationProperties properties, IntegrationProperties integration) {
    return new NoticeChannels(properties.channels(), integration.notification().adapter());
  }
}
