package org.aftersales.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import javax.sql.DataSource;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The application as it starts on PostgreSQL: schema, engine settings, health and info. */
@PostgresIntegrationTest
class StartupIT {

  @LocalServerPort int port;
  @Autowired DataSource dataSource;
  @Autowired ProcessEngineConfigurationImpl engine;

  @Test
  void runsOnPostgresqlWithTheEngineSchema() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "act_ru_execution", null)) {
        assertThat(tables.next()).as("engine runtime tables").isTrue();
      }
      try (ResultSet tables = connection.getMetaData().getTables(null, null, "act_hi_procinst", null)) {
        assertThat(tables.next()).as("engine history tables").isTrue();
      }
    }
  }

  @Test
  void thePlannerKnowsHowManyGrantsTheAuthorizationCheckMatchesPlansWithTheValuesAndNeverJitCompiles() throws Exception {
    try (Connection connection = dataSource.getConnection(); var sql = connection.createStatement()) {
      try (ResultSet statistics = sql.executeQuery(
          "select stxname from pg_statistic_ext where stxname = '" + AuthorizationStatistics.NAME + "'")) {
        assertThat(statistics.next()).as("expression statistics on act_ru_authorization.perms_").isTrue();
      }
      try (ResultSet settings = sql.executeQuery("select current_setting('jit'), current_setting('plan_cache_mode')")) {
        assertThat(settings.next()).isTrue();
        assertThat(settings.getString(1)).isEqualTo("off");
        assertThat(settings.getString(2)).isEqualTo("force_custom_plan");
      }
    }
  }

  @Test
  void engineRunsWithTheSecuritySettingsOfTheDesign() {
    assertThat(engine.isAuthorizationEnabled()).isTrue();
    assertThat(engine.isEnableExpressionsInAdhocQueries()).isFalse();
    assertThat(engine.isEnableExpressionsInStoredQueries()).isFalse();
    assertThat(engine.isJavaSerializationFormatEnabled()).isFalse();
    assertThat(engine.getQueryMaxResultsLimit()).isEqualTo(2000);
    assertThat(engine.getHistory()).isEqualTo("full");
    assertThat(engine.isEnforceHistoryTimeToLive()).isTrue();
  }

  @Test
  void healthCoversEngineJobExecutorAndDatabase() {
    var health = new Http(port).get("/actuator/health", null, null);
    assertThat(health.statusCode()).isEqualTo(200);
    assertThat(health.body()).contains("\"status\":\"UP\"")
        .contains("\"processEngine\"", "\"jobExecutor\"", "\"db\"");
  }

  @Test
  void infoNamesTheApplicationAndItsBuild() {
    var info = new Http(port).get("/actuator/info", null, null);
    assertThat(info.statusCode()).isEqualTo(200);
    assertThat(info.body()).contains("Aftersales Flow").contains("\"build\"");
  }
}
