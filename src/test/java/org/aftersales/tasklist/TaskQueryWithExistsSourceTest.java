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

  /** What we changed: the engine's text (7.24.0) and ours, compared with whitespace collapsed. */
  static final String[][] CHANGES = {
      {"""
          ${limitBefore}
          select ${distinct}
          """, """
          ${limitBefore}
          <!-- CHANGED: identity links are matched inside an EXISTS per task (below), so rows repeat only
            where a sort joins a relation (a variable): DISTINCT only then. -->
          <bind name="identityLinksInExists" value="true" />
          <bind name="grantsAsSet" value="false" />
          <bind name="relationJoined" value="false" />
          <foreach collection="orderingProperties" item="orderingProperty">
            <if test="orderingProperty.relation != null">
              <bind name="relationJoined" value="true" />
            </if>
          </foreach>
          select <if test="relationJoined">${distinct}</if>
          """},
      {"""
          ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}
          """, """
          <!-- CHANGED: a count reads the whole queue anyway; joining the identity links is cheaper there,
            and so is matching the tasks against the set of the user's grants (a hash) instead of probing
            the grants once per task. -->
          <bind name="identityLinksInExists" value="false" />
          <bind name="grantsAsSet" value="true" />
          ${countDistinctBeforeStart} RES.ID_ ${countDistinctBeforeEnd}
          """},
      {"""
          <if test="I_JOIN">
          """, """
          <if test="I_JOIN &amp;&amp; !identityLinksInExists">
          """},
      {"""
          <if test="authCheck.shouldPerformAuthorizatioCheck &amp;&amp; authCheck.authUserId != null">
            <if test="!authCheck.revokeAuthorizationCheckEnabled">
              <include refid="%s.authCheckJoinWithoutOnClause" />
              AUTH ON (AUTH.RESOURCE_ID_ ${authJoinStart} RES.ID_ ${authJoinSeparator} D.KEY_ ${authJoinSeparator} '*' ${authJoinEnd})
            </if>
          </if>
          """.formatted(AUTHORIZATION), """
          <!-- CHANGED: no join of the authorization rows here; the check is an EXISTS below. -->
          """},
      {"""
          <where>
            <foreach collection="queries" item="query" index="i">
          """, """
          <!-- CHANGED: for a list, the engine's left join of the identity links inside an EXISTS per task:
            the criteria see the same rows (one per link, or one without a link), the task comes once. -->
          <if test="I_JOIN &amp;&amp; identityLinksInExists">
            WHERE EXISTS (SELECT 1 FROM (VALUES (1)) ONE_ROW left join ${prefix}ACT_RU_IDENTITYLINK I on I.TASK_ID_ = RES.ID_
          </if>
          <where>
            <foreach collection="queries" item="query" index="i">
          """},
      {"""
          <include refid="%s.contextualAuthorizationCheck" />
          """.formatted(AUTHORIZATION), """
          <!-- CHANGED: the engine's contextualAuthorizationCheck, with AUTH.RESOURCE_ID_ IS NOT NULL
            (a row of the join) replaced by an EXISTS on the same authorization rows. -->
          <include refid="org.aftersales.tasklist.TaskQueryWithExists.authorizationExists" />
          """},
      {"""
          </where>
          </sql>
          """, """
          </where>
          <if test="I_JOIN &amp;&amp; identityLinksInExists">
            )
          </if>
          </sql>
          """}};

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
    for (String[] change : CHANGES) {
      assertThat(derived).as("the engine's task query still reads as 7.24.0's").contains(normalise(change[0]));
      derived = derived.replace(normalise(change[0]), normalise(change[1]));
    }

    String ours = read(TaskQueryStatements.RESOURCE);
    String oursStatements = between(ours, "<select id=\"selectTaskByQueryCriteriaWithExists\"",
        "<!-- The rows authCheckJoinWithoutOnClauseWithBinding");

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
