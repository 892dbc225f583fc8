package org.aftersales.tasklist;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/**
 * Our task query is the engine's, changed only in its authorization check. Derives ours from the
 * engine's Task.xml on the classpath: when a Camunda (or Operaton) upgrade changes the engine's
 * statement, this fails, and TaskQueryWithExists.xml must be derived anew (docs/performance-notes.md).
 */
class TaskQueryWithExistsSourceTest {

  static final String ENGINE_TASK_XML = "org/camunda/bpm/engine/impl/mapping/entity/Task.xml";
  static final String TASK = "org.camunda.bpm.engine.impl.persistence.entity.TaskEntity";
  static final String AUTHORIZATION = "org.camunda.bpm.engine.impl.persistence.entity.AuthorizationEntity";

  static final String ENGINE_JOIN = """
      <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
        <if test="!authCheck.revokeAuthorizationCheckEnabled">
          <include refid="%s.authCheckJoinWithoutOnClause" />
          AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
        </if>
      </if>
      """.formatted(AUTHORIZATION);
  static final String OUR_JOIN = """
      <!-- CHANGED: no join of the authorization rows here; the check is an EXISTS below. -->
      """;
  static final String ENGINE_CHECK = """
      <include refid="%s.contextualAuthorizationCheck" />
      """.formatted(AUTHORIZATION);
  static final String OUR_CHECK = """
      <!-- CHANGED: the engine's contextualAuthorizationCheck, with AUTH.RESOURCE_ID_ IS NOT NULL
        (a row of the join) replaced by an EXISTS on the same authorization rows. -->
      <include refid="org.aftersales.tasklist.TaskQueryWithExists.authorizationExists" />
      """;

  @Test
  void oursIsTheEnginesTaskQueryWithOnlyTheAuthorizationCheckChanged() throws IOException {
    String engine = read(ENGINE_TASK_XML);
    String statements = between(engine, "<select id=\"selectTaskByQueryCriteria\"", "<sql id=\"columnSelection\">");
    String criteria = between(engine, "<sql id=\"selectTaskByQueryCriteriaSql\">", "<select id=\"selectTaskByNativeQuery\"");

    String derived = normalise(statements)
        .replace("id=\"selectTaskByQueryCriteria\"", "id=\"selectTaskByQueryCriteriaWithExists\"")
        .replace("id=\"selectTaskCountByQueryCriteria\"", "id=\"selectTaskCountByQueryCriteriaWithExists\"")
        .replace("resultMap=\"taskResultMap\"", "resultMap=\"" + TASK + ".taskResultMap\"")
        .replace("<include refid=\"columnSelection\"/>", "<include refid=\"" + TASK + ".columnSelection\"/>")
        .replace("refid=\"selectTaskByQueryCriteriaSql\"", "refid=\"selectTaskByQueryCriteriaWithExistsSql\"")
        + " " + normalise(criteria)
        .replace("<sql id=\"selectTaskByQueryCriteriaSql\">", "<sql id=\"selectTaskByQueryCriteriaWithExistsSql\">");
    assertThat(derived).as("the engine's task query still joins the authorization rows as 7.24.0 did")
        .contains(normalise(ENGINE_JOIN), normalise(ENGINE_CHECK));
    derived = derived.replace(normalise(ENGINE_JOIN), normalise(OUR_JOIN))
        .replace(normalise(ENGINE_CHECK), normalise(OUR_CHECK));

    String ours = read(TaskQueryStatements.RESOURCE);
    String oursStatements = between(ours, "<select id=\"selectTaskByQueryCriteriaWithExists\"",
        "<!-- The engine's contextualAuthorizationCheck");

    assertThat(normalise(oursStatements)).isEqualTo(derived);
  }

  private static String read(String resource) throws IOException {
    try (InputStream in = TaskQueryWithExistsSourceTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static String between(String text, String start, String end) {
    int from = text.indexOf(start);
    int to = text.indexOf(end, from);
    assertThat(from).as(start).isGreaterThanOrEqualTo(0);
    assertThat(to).as(end).isGreaterThan(from);
    return text.substring(from, to);
  }

  private static String normalise(String xml) {
    return xml.replaceAll("\\s+", " ").trim();
  }
}
