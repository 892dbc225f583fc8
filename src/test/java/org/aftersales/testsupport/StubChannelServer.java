package org.aftersales.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A third party's HTTP API on loopback (a WeCom robot webhook, an SMS gateway) that answers with
 * a script: each request takes the next scripted answer (a delay, a status, a body); once the
 * script is used up it answers with {@code success}. Records every request.
 */
public final class StubChannelServer implements AutoCloseable {

  /** One answer: wait {@code delay}, then {@code status} with {@code body}. */
  public record Answer(Duration delay, int status, String body) {

    public static Answer of(int status, String body) {
      return new Answer(Duration.ZERO, status, body);
    }

    /** Answers only after {@code delay}: longer than the client's read timeout, a timeout. */
    public static Answer slow(Duration delay, Answer then) {
      return new Answer(delay, then.status(), then.body());
    }
  }

  /** A request as received, and the status it was answered with. */
  public record Request(String pathAndQuery, Map<String, List<String>> headers, String body, int answered) {

    public String header(String name) {
      return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
          .map(e -> e.getValue().get(0)).findFirst().orElse(null);
    }
  }

  private final HttpServer server;
  private final ExecutorService executor = Executors.newFixedThreadPool(4);
  private final Answer success;
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Request> requests = new CopyOnWriteArrayList<>();

  public StubChannelServer(int port, Answer success) throws IOException {
    this.success = success;
    this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), port), 0);
    server.createContext("/", this::handle);
    // Several threads: a request kept waiting must not hold up the next one.
    server.setExecutor(executor);
    server.start();
  }

  public String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  /** Forgets earlier requests and answers the next requests with {@code answers}, then with success. */
  public void script(Answer... answers) {
    requests.clear();
    script.clear();
    script.addAll(List.of(answers));
  }

  public List<Request> requests() {
    return List.copyOf(requests);
  }

  private void handle(HttpExchange exchange) throws IOException {
    String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Answer answer = script.poll();
    if (answer == null) {
      answer = success;
    }
    requests.add(new Request(exchange.getRequestURI().toString(), Map.copyOf(exchange.getRequestHeaders()), body,
        answer.status()));
    try {
      Thread.sleep(answer.delay().toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
    exchange.getResponseHeaders().add("Content-Type", "application/json; charset=utf-8");
    try {
      exchange.sendResponseHeaders(answer.status(), bytes.length == 0 ? -1 : bytes.length);
      if (bytes.length > 0) {
        exchange.getResponseBody().write(bytes);
      }
    } catch (IOException clientGone) {
      // the client stopped waiting (its timeout): nothing to answer
    } finally {
      exchange.close();
    }
  }

  @Override
  public void close() {
    server.stop(0);
    executor.shutdownNow();
  }
}
