package org.aftersales.cluster;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

/**
 * Debian's nginx with {@code docker/nginx.conf} (upstream, {@code ip_hash}, proxy headers and
 * timeouts as the compose topology has them), rewritten only where a machine without Docker
 * differs: the upstream servers are the nodes' loopback ports instead of {@code app1:8080} and
 * {@code app2:8080}, it listens on a free loopback port instead of 80, keeps its temporary files,
 * logs and pid in a directory of its own, and tells the client which node answered
 * ({@code X-Upstream}) so that the test can tell the nodes apart.
 */
final class LoadBalancer implements AutoCloseable {

  private final Path dir;
  private final int port;
  private Process process;

  LoadBalancer(Path composeNginxConf, Path dir, int port, int node1Port, int node2Port) {
    this.dir = dir;
    this.port = port;
    try {
      String conf = Files.readString(composeNginxConf, StandardCharsets.UTF_8);
      conf = replaceOnce(conf, "server app1:8080", "server 127.0.0.1:" + node1Port);
      conf = replaceOnce(conf, "server app2:8080", "server 127.0.0.1:" + node2Port);
      conf = replaceOnce(conf, "listen 80;", "listen 127.0.0.1:" + port + ";");
      Path temp = Files.createDirectories(dir.resolve("temp"));
      // nginx's workers run as nobody when the master is root: they must be able to write here
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
      Files.setPosixFilePermissions(temp, PosixFilePermissions.fromString("rwxrwxrwx"));
      conf = replaceOnce(conf, "http {", "http {\n"
          + "  client_body_temp_path " + temp.resolve("body") + ";\n"
          + "  proxy_temp_path " + temp.resolve("proxy") + ";\n"
          + "  fastcgi_temp_path " + temp.resolve("fastcgi") + ";\n"
          + "  uwsgi_temp_path " + temp.resolve("uwsgi") + ";\n"
          + "  scgi_temp_path " + temp.resolve("scgi") + ";\n"
          + "  log_format upstream '$remote_addr $request_method $request_uri $status $upstream_addr $request_time';\n"
          + "  access_log " + dir.resolve("access.log") + " upstream;\n");
      conf = replaceOnce(conf, "location / {", "location / {\n      add_header X-Upstream $upstream_addr always;");
      Files.writeString(dir.resolve("nginx.conf"), conf, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Debian installs nginx in /usr/sbin, which a normal user's PATH may leave out. */
  private static final String NGINX = Files.isExecutable(Path.of("/usr/sbin/nginx")) ? "/usr/sbin/nginx" : "nginx";

  /** True when Debian's nginx can be run here. */
  static boolean installed() {
    try {
      Process version = new ProcessBuilder(NGINX, "-v").redirectErrorStream(true).start();
      version.getInputStream().readAllBytes();
      return version.waitFor(10, TimeUnit.SECONDS) && version.exitValue() == 0;
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  int port() {
    return port;
  }

  Path accessLog() {
    return dir.resolve("access.log");
  }

  void start() {
    try {
      process = new ProcessBuilder(NGINX, "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
          "-g", "daemon off; pid " + dir.resolve("nginx.pid") + "; error_log " + dir.resolve("error.log") + ";")
          .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
    } catch (IOException e) {
      throw new UncheckedIOException("Could not start nginx", e);
    }
    long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
    while (System.nanoTime() < deadline) {
      if (!process.isAlive()) {
        throw new AssertionError("nginx stopped: " + read(dir.resolve("nginx.out")) + read(dir.resolve("error.log")));
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
        return;
      } catch (IOException e) {
        try {
          Thread.sleep(100);
        } catch (InterruptedException interrupted) {
          Thread.currentThread().interrupt();
          throw new AssertionError("Interrupted");
        }
      }
    }
    throw new AssertionError("nginx does not listen on " + port);
  }

  @Override
  public void close() {
    if (process != null && process.isAlive()) {
      // SIGTERM: nginx's fast shutdown, workers included
      process.destroy();
      try {
        if (!process.waitFor(10, TimeUnit.SECONDS)) {
          process.destroyForcibly();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
  }

  private static String replaceOnce(String text, String target, String replacement) {
    int at = text.indexOf(target);
    if (at < 0 || text.indexOf(target, at + 1) >= 0) {
      throw new AssertionError("docker/nginx.conf changed: expected exactly one '" + target
          + "'; adapt LoadBalancer to the new file");
    }
    return text.substring(0, at) + replacement + text.substring(at + target.length());
  }

  private static String read(Path file) {
    try {
      return Files.exists(file) ? Files.readString(file) : "";
    } catch (IOException e) {
      return "";
    }
  }
}
