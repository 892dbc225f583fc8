package org.aftersales.integration;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Which adapter each port uses and, for {@code http}, where the outside system is.
 * {@code embedded} (the default) records requests in our own tables.
 */
@ConfigurationProperties("aftersales.integration")
public record IntegrationProperties(Endpoint rnd, Endpoint notification, Endpoint logistics, Endpoint finance) {

  public IntegrationProperties {
    rnd = rnd == null ? Endpoint.embedded() : rnd;
    notification = notification == null ? Endpoint.embedded() : notification;
    logistics = logistics == null ? Endpoint.embedded() : logistics;
    finance = finance == null ? Endpoint.embedded() : finance;
  }

  /**
   * @param adapter        {@code embedded} or {@code http}
   * @param baseUrl        the outside system's base URL (http only)
   * @param connectTimeout how long to wait for a connection
   * @param readTimeout    how long to wait for the whole answer
   * @param token          sent as a bearer token when set; from the environment, never in files
   */
  public record Endpoint(String adapter, URI baseUrl, Duration connectTimeout, Duration readTimeout, String token) {

    public Endpoint {
      adapter = adapter == null || adapter.isBlank() ? "embedded" : adapter;
      connectTimeout = connectTimeout == null ? Duration.ofSeconds(2) : connectTimeout;
      readTimeout = readTimeout == null ? Duration.ofSeconds(10) : readTimeout;
    }

    static Endpoint embedded() {
      return new Endpoint("embedded", null, null, null, null);
    }
  }
}
