package org.aftersales.operations;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Planner statistics that the engine's authorization check needs on PostgreSQL.
 *
 * <p>Every task query of a staff member filters {@code ACT_RU_AUTHORIZATION} by
 * {@code PERMS_ & ? = ?}. Without statistics on that expression PostgreSQL assumes 0.5 % of the
 * rows match, expects a handful of grants where a queue of 5 000 tasks has 5 000, and joins them
 * with a filter it evaluates 25 million times (11 s for one Tasklist page; see
 * docs/performance-notes.md). With expression statistics (PostgreSQL 14 and later) it probes the
 * resource index per task instead. Created once, if missing, when the application starts;
 * autovacuum keeps them current. Other databases are left alone.
 */
@Component
class AuthorizationStatistics {

  static final String NAME = "aftersales_auth_perms";

  private static final Logger LOG = LoggerFactory.getLogger(AuthorizationStatistics.class);

  private final DataSource dataSource;

  AuthorizationStatistics(DataSource dataSource) {
    this.dataSource = dataSource;
  }

  @EventListener(ApplicationReadyEvent.class)
  void ensure() {
    try (Connection connection = dataSource.getConnection(); Statement sql = connection.createStatement()) {
      var database = connection.getMetaData();
      if (!"PostgreSQL".equals(database.getDatabaseProductName()) || database.getDatabaseMajorVersion() < 14) {
        return;
      }
      sql.execute("CREATE STATISTICS IF NOT EXISTS " + NAME
          + " ON (perms_ & 2), (perms_ & 64), resource_type_ FROM act_ru_authorization");
      sql.execute("ANALYZE act_ru_authorization");
      LOG.info("Planner statistics {} on act_ru_authorization are in place", NAME);
    } catch (SQLException e) {
      // A database user without the right to create them still runs, only slower.
      LOG.warn("Could not create the planner statistics {} on act_ru_authorization: {}", NAME, e.getMessage());
    }
  }
}
