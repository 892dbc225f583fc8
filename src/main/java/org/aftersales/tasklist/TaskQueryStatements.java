package org.aftersales.tasklist;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.io.Resources;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The engine's task query with its authorization check as an {@code EXISTS} per task.
 *
 * <p>Camunda 7.24 joins a staff member's authorization rows to every task and then needs
 * {@code SELECT DISTINCT … ORDER BY … LIMIT}: PostgreSQL evaluates the whole queue before it can
 * return Tasklist's first page (docs/performance-notes.md). Our mapper
 * ({@code TaskQueryWithExists.xml}, the engine's statement with only the check changed) is added to
 * the engine's MyBatis configuration, and the engine's statement mappings send
 * {@code selectTaskByQueryCriteria} and {@code selectTaskCountByQueryCriteria} to it: every task
 * query (Java API, REST, Tasklist filters) then uses it. Only on the databases it is tested on;
 * {@code aftersales.tasklist.task-query-exists=false} leaves the engine's statements in place.
 */
@Component
public class TaskQueryStatements extends AbstractProcessEnginePlugin {

  private static final Logger LOG = LoggerFactory.getLogger(TaskQueryStatements.class);

  static final String RESOURCE = "org/aftersales/tasklist/TaskQueryWithExists.xml";
  static final String NAMESPACE = "org.aftersales.tasklist.TaskQueryWithExists";

  /** The engine's statement ids and ours. */
  static final Map<String, String> REPLACED = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaWithExists",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaWithExists");

  /** Engine database types (DbSqlSessionFactory.POSTGRES, .H2) our statements are tested on. */
  static final Set<String> DATABASES = Set.of("postgres", "h2");

  /**
   * The engines whose Task.xml ours is derived from (TaskQueryWithExistsSourceTest keeps them equal):
   * Camunda 7.24.0, and Operaton 1.0.3, whose Task.xml is 7.24.0's but for the package names.
   */
  static final Set<String> ENGINE_VERSIONS = Set.of("7.24.0", "1.0.3");

  private final boolean enabled;
  private DbSqlSessionFactory statements;

  public TaskQueryStatements(@Value("${aftersales.tasklist.task-query-exists:true}") boolean enabled) {
    this.enabled = enabled;
  }

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    String databaseType = configuration.getDatabaseType();
    if (!enabled || !DATABASES.contains(databaseType)) {
      LOG.info("Task queries use the engine's own statements (database {}, task-query-exists {})",
          databaseType, enabled);
      return;
    }
    String engineVersion = ProcessEngineConfigurationImpl.class.getPackage().getImplementationVersion();
    if (engineVersion != null && !ENGINE_VERSIONS.contains(engineVersion)) {
      // Our copy may no longer match the engine's criteria: slower but right beats fast and wrong.
      LOG.warn("Task queries use the engine's own statements: ours are derived from engine versions {}, this is {};"
          + " derive TaskQueryWithExists.xml anew (docs/performance-notes.md)", ENGINE_VERSIONS, engineVersion);
      return;
    }
    addMapper(configuration.getSqlSessionFactory().getConfiguration());
    statements = configuration.getDbSqlSessionFactory();
    // The engine hands every factory of a database type the same static map: copy, never change it.
    Map<String, String> mappings = statements.getStatementMappings() == null
        ? new ConcurrentHashMap<>() : new ConcurrentHashMap<>(statements.getStatementMappings());
    mappings.putAll(REPLACED);
    statements.setStatementMappings(mappings);
    LOG.info("Task queries check authorizations with EXISTS ({})", RESOURCE);
  }

  private static void addMapper(Configuration mybatis) {
    // A shared SqlSessionFactory (several engines) already holds it.
    if (mybatis.isResourceLoaded(RESOURCE)) {
      return;
    }
    try (InputStream xml = Resources.getResourceAsStream(TaskQueryStatements.class.getClassLoader(), RESOURCE)) {
      new XMLMapperBuilder(xml, mybatis, RESOURCE, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read " + RESOURCE, e);
    }
  }

  /** Whether the engine's task query currently runs our statements. */
  boolean active() {
    return statements != null && REPLACED.get("selectTaskByQueryCriteria")
        .equals(statements.mapStatement("selectTaskByQueryCriteria"));
  }

  /** For tests that compare our statements with the engine's in one running application. */
  void useEngineStatements(boolean engine) {
    if (statements == null) {
      throw new IllegalStateException("Our task query statements are not in use");
    }
    if (engine) {
      REPLACED.keySet().forEach(statements.getStatementMappings()::remove);
    } else {
      statements.getStatementMappings().putAll(REPLACED);
    }
  }
}
