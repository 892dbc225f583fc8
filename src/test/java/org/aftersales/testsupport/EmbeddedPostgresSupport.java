package org.aftersales.testsupport;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

/** One real PostgreSQL server for the whole test JVM (binaries from Maven; works as root). */
public final class EmbeddedPostgresSupport {

  private static EmbeddedPostgres server;

  private EmbeddedPostgresSupport() {
  }

  public static synchronized EmbeddedPostgres server() {
    if (server == null) {
      try {
        server = EmbeddedPostgres.builder().start();
      } catch (IOException e) {
        throw new UncheckedIOException("Could not start embedded PostgreSQL", e);
      }
      Runtime.getRuntime().addShutdownHook(new Thread(() -> {
        // Shutdown hooks run together: let the Spring contexts (job executors, pools) stop
        // before their database does, or they wait out connection timeouts on a dead server.
        awaitSpringShutdown();
        try {
          server.close();
        } catch (IOException ignored) {
          // the JVM is going away
        }
      }));
    }
    return server;
  }

  private static void awaitSpringShutdown() {
    for (Thread thread : Thread.getAllStackTraces().keySet()) {
      if (thread != Thread.currentThread() && thread.getName().startsWith("SpringApplicationShutdownHook")) {
        try {
          thread.join(20_000);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        }
      }
    }
  }

  public static String jdbcUrl(String database) {
    return server().getJdbcUrl("postgres", database);
  }

  /** A new empty database, for tests that need their own (restarts, schema checks). */
  public static String createDatabase(String name) {
    try (Connection connection = server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + name);
      statement.execute("CREATE DATABASE " + name);
    } catch (SQLException e) {
      throw new IllegalStateException("Could not create database " + name, e);
    }
    return jdbcUrl(name);
  }
}
