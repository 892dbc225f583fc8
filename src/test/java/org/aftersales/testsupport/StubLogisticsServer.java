package org.aftersales.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A logistics system on loopback that creates one shipment per idempotency key, as a
 * well-behaved receiver does. A test can make it answer 503 to the next requests with a
 * given key ({@link #failNext}).
 */
public final class StubLogisticsServer implements AutoCloseable {

  private final HttpServer server;
  private final Map<String, AtomicInteger> failures = new ConcurrentHashMap<>();
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> shipments = new ConcurrentHashMap<>();

  public StubLogisticsServer() throws IOException {
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/logistics/shipments", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/logistics";
  }

  /** The next {@code times} requests carrying this idempotency key are answered with 503. */
  public void failNext(String idempotencyKey, int times) {
    failures.put(idempotencyKey, new AtomicInteger(times));
  }

  private void handle(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " key=" + key);
    int status;
    if (key == null) {
      status = 400;
    } else if (failures.getOrDefault(key, new AtomicInteger()).getAndDecrement() > 0) {
      status = 503;
    } else {
      status = shipments.putIfAbsent(key, body) == null ? 201 : 200;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Every request received, in order: method, path and idempotency key. */
  public List<String> requests() {
    return requests;
  }

  /** The requests that carried this idempotency key. */
  public List<String> requests(String idempotencyKey) {
    return requests.stream().filter(r -> r.endsWith(" key=" + idempotencyKey)).toList();
  }

  /** Shipments created, by idempotency key, with the JSON they were created from. */
  public Map<String, String> shipments() {
    return shipments;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
