package org.aftersales.integration;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.aftersales.integration.outbox.DeliveryRefusedException;

/**
 * POSTs JSON to an outside system with the idempotency key in the {@code Idempotency-Key}
 * header. 2xx is success; 400, 405, 410, 413, 415 and 422 are refusals that retrying cannot
 * fix; anything else is retried by the outbox.
 */
public class HttpDelivery {

  /** Answers saying the request itself is wrong: sending it again cannot help. */
  private static final java.util.Set<Integer> REFUSALS = java.util.Set.of(400, 405, 410, 413, 415, 422);

  private final HttpClient client;
  private final IntegrationProperties.Endpoint endpoint;
  private final String system;

  public HttpDelivery(String system, IntegrationProperties.Endpoint endpoint) {
    if (endpoint.baseUrl() == null) {
      throw new IllegalStateException("The " + system + " port uses the http adapter but has no base-url"
          + " (aftersales.integration." + system + ".base-url)");
    }
    this.system = system;
    this.endpoint = endpoint;
    this.client = HttpClient.newBuilder().connectTimeout(endpoint.connectTimeout()).build();
  }

  public void post(String path, String idempotencyKey, String json) throws IOException, InterruptedException {
    URI uri = URI.create(endpoint.baseUrl().toString().replaceAll("/+$", "") + path);
    HttpRequest.Builder request = HttpRequest.newBuilder(uri)
        .timeout(endpoint.readTimeout())
        .header("Content-Type", "application/json")
        .header("Idempotency-Key", idempotencyKey)
        .POST(HttpRequest.BodyPublishers.ofString(json));
    if (endpoint.token() != null && !endpoint.token().isBlank()) {
      request.header("Authorization", "Bearer " + endpoint.token());
    }
    HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    check(system, "POST " + uri, response);
  }

  /**
   * Returns on 2xx; throws {@link DeliveryRefusedException} for answers that retrying cannot fix and
   * an {@link IOException} (retried by the outbox) for the rest. {@code request} is how the error
   * names the request (without secrets).
   */
  public static void check(String system, String request, HttpResponse<String> response) throws IOException {
    int status = response.statusCode();
    if (status / 100 == 2) {
      return;
    }
    String detail = system + " answered " + status + " to " + request + ": " + abbreviate(response.body());
    if (REFUSALS.contains(status)) {
      throw new DeliveryRefusedException(detail);
    }
    // Everything else may pass: 5xx, 408, 429, and 401/403/404/409 during a token rotation,
    // a redeployment or while the receiver still works on the same key.
    throw new IOException(detail);
  }

  public static String abbreviate(String body) {
    if (body == null) {
      return "";
    }
    return body.length() > 300 ? body.substring(0, 300) + "..." : body;
  }
}
