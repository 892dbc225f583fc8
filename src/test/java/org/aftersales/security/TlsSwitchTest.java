package org.aftersales.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.camunda.bpm.spring.boot.starter.property.CamundaBpmProperties;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * application.yaml wires {@code aftersales.security.tls} to the webapps' cookie settings.
 * (Seen in a running application: with the switch on, Camunda's filter appends {@code ;Secure}
 * to the JSESSIONID cookie.)
 */
class TlsSwitchTest {

  @Test
  void theSwitchMakesTheWebappsCookiesSecure() throws Exception {
    assertThat(webapp(false).getSessionCookie().isEnableSecureCookie()).isFalse();
    assertThat(webapp(false).getCsrf().isEnableSecureCookie()).isFalse();
    assertThat(webapp(true).getSessionCookie().isEnableSecureCookie()).isTrue();
    assertThat(webapp(true).getCsrf().isEnableSecureCookie()).isTrue();
  }

  private static org.camunda.bpm.spring.boot.starter.property.WebappProperty webapp(boolean tls) throws Exception {
    var environment = new StandardEnvironment();
    environment.getPropertySources().addFirst(new MapPropertySource("switch", Map.of("aftersales.security.tls", tls)));
    new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yaml"))
        .forEach(environment.getPropertySources()::addLast);
    ConfigurationPropertySources.attach(environment);
    return Binder.get(environment).bind(CamundaBpmProperties.PREFIX, CamundaBpmProperties.class).get().getWebapp();
  }
}
