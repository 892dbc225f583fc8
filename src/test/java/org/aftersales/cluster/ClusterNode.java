package org.aftersales.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One application node: the packaged jar in a JVM of its own, so that {@code kill -9} is a real
 * crash (no shutdown hook, no closed connections, no released job locks).
 */
final class ClusterNode implements AutoCloseable {

  private final String name;
  private final int port;
  private final Path jar;
  private final Map<String, String> environment;
  private final List<String> arguments;
  private final Path log;
  private Process process;

  ClusterNode(String name, int port, Path jar, Map<String, String> environment, List<String> arguments, Path dir) {
    this.name = name;
    this.port = port;
    this.jar = jar;
    this.environment = environment;
    this.arguments = arguments;
    this.log = dir.resolve(name + ".log");
  }

  String name() {
    return name;
  }

  int port() {
    return port;
  }

  long pid() {
    return process.pid();
  }

  void start() {
    List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Xmx640m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-jar", jar.toString(), "--server.port=" + port));
    command.addAll(arguments);
    ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
        .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
    builder.environment().putAll(environment);
    try {
      process = builder.start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start node " + name, e);
    }
  }

  /** Waits until /actuator/health says UP, as the compose file's health check does. */
  void awaitHealthy(Duration timeout) {
    HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("Node " + name + " stopped while starting (exit " + process.exitValue() + "):\n"
            + tail(60));
      }
      try {
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
            + "/actuator/health")).timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
        if (health.body().contains("\"status\":\"UP\"")) {
          return;
        }
      } catch (IOException e) {
        // not listening yet
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new AssertionError("Interrupted waiting for " + name);
      }
      sleep(500);
    }
    throw new AssertionError("Node " + name + " not healthy after " + timeout + ":\n" + tail(60));
  }

  /** {@code kill -9}: the JVM gets no chance to finish anything. */
  void kill9() {
    try {
      Process kill = new ProcessBuilder("kill", "-9", Long.toString(process.pid())).inheritIO().start();
      if (kill.waitFor() != 0) {
        throw new AssertionError("kill -9 " + process.pid() + " failed");
      }
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        throw new AssertionError("Node " + name + " still alive 30 s after kill -9");
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted killing " + name);
    }
  }

  boolean alive() {
    return process != null && process.isAlive();
  }

  String tail(int lines) {
    try {
      if (!Files.exists(log)) {
        return "(no log)";
      }
      List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
      return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
    } catch (IOException e) {
      return "(log unreadable: " + e.getMessage() + ")";
    }
  }

  /** A graceful stop (SIGTERM), forced after 30 s. */
  @Override
  public void close() {
    if (process == null || !process.isAlive()) {
      return;
    }
    process.destroy();
    try {
      if (!process.waitFor(30, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted");
    }
  }
}
