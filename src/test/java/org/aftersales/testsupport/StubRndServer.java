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
 * An R&D ticket system on loopback that fails its first {@code failures} requests with
 * 503 and then creates one ticket per idempotency key, as a well-behaved receiver does.
 */
public final class StubRndServer implements AutoCloseable {

  private final HttpServer server;
  private final AtomicInteger failuresLeft;
  private final List<String> requests = new CopyOnWriteArrayList<>();
  private final Map<String, String> tickets = new ConcurrentHashMap<>();

  public StubRndServer(int failures) throws IOException {
    this.failuresLeft = new AtomicInteger(failures);
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    server.createContext("/rnd/tickets", this::handle);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/rnd";
  }

  private void handle(HttpExchange exchange) throws IOException {
    String key = exchange.getRequestHeaders().getFirst("Idempotency-Key");
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath() + " key=" + key);
    int status;
    if (failuresLeft.getAndDecrement() > 0) {
      status = 503;
    } else if (key == null) {
      status = 400;
    } else {
      tickets.putIfAbsent(key, body);
      status = 201;
    }
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  /** Every request received, in order: method, path and idempotency key. */
  public List<String> requests() {
    return requests;
  }

  /** Tickets created, by idempotency key, with the JSON they were created from. */
  public Map<String, String> tickets() {
    return tickets;
  }

  @Override
  public void close() {
    server.stop(0);
  }
}
