package org.aftersales.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.atOnceUsers;
import static io.gatling.javaapi.core.CoreDsl.during;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.foreach;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.CookieKey;
import static io.gatling.javaapi.http.HttpDsl.getCookieValue;
import static io.gatling.javaapi.http.HttpDsl.header;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import io.gatling.javaapi.http.HttpProtocolBuilder;
import java.util.Iterator;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Tasklist's own requests as staff users make them, through the webapp's session API (not
 * {@code /engine-rest}): log in as the login form does, then again and again what Tasklist asks
 * when a page opens (read in Tasklist 7.24's bundle): the number of filters, the filters, each
 * filter's count, the first page (15, newest first) of "Offered to me" (the landing filter) and
 * of the group queue of {@code bench.queueGroup}. Users {@code bench.staff} (comma separated,
 * password demo, all in that group) take turns.
 */
public class TasklistSimulation extends Simulation {

  private static final String ENGINE = "/camunda/api/engine/engine/default";
  private static final String FIRST_PAGE = "?firstResult=0&maxResults=15";
  private static final String NEWEST_FIRST = """
      {"processVariables":[],"taskVariables":[],"caseInstanceVariables":[],
       "sorting":[{"sortBy":"created","sortOrder":"desc"}]}""";

  private static final String[] STAFF = System.getProperty("bench.staff", "service,lead").split(",");
  private static final String QUEUE_GROUP = System.getProperty("bench.queueGroup", "customer-service");

  private final Iterator<Map<String, Object>> people = Stream.iterate(0, i -> i + 1)
      .map(i -> Map.<String, Object>of("user", STAFF[i % STAFF.length])).iterator();

  private final HttpProtocolBuilder browser = http.baseUrl(Bench.BASE_URL)
      .acceptHeader("application/json, text/plain, */*")
      .acceptLanguageHeader("zh-CN,zh;q=0.9")
      .shareConnections()
      .disableCaching();

  private final ScenarioBuilder staff = scenario("Tasklist").feed(people).exec(
      http("open Tasklist").get("/camunda/app/tasklist/default/").check(status().is(200)),
      exec(getCookieValue(CookieKey("XSRF-TOKEN").saveAs("csrf"))),
      http("log in").post("/camunda/api/admin/auth/user/default/login/tasklist")
          .header("X-XSRF-TOKEN", "#{csrf}")
          .formParam("username", "#{user}").formParam("password", "demo")
          .check(status().is(200)),
      http("fetch token").get("/camunda/app/tasklist/default/").header("X-XSRF-TOKEN", "Fetch")
          .check(status().is(200), header("X-XSRF-TOKEN").saveAs("csrf")),
      during(Bench.DURATION, "round", false).on(
          // What Tasklist asks when a page opens and on its refresh every 10 seconds.
          http("filters").get(ENGINE + "/filter/count?itemCount=false&resourceType=Task")
              .check(status().is(200)),
          http("filters").get(ENGINE + "/filter?firstResult=0&maxResults=2000&itemCount=false&resourceType=Task")
              .check(status().is(200),
                  jsonPath("$[*].id").findAll().saveAs("filters"),
                  jsonPath("$[?(@.properties.aftersalesFilter == 'offered-to-me')].id").saveAs("offered"),
                  jsonPath("$[?(@.properties.aftersalesFilter == 'group-queue' && @.properties.owner == '"
                      + QUEUE_GROUP + "')].id").saveAs("queue")),
          foreach("#{filters}", "filter").on(
              http("filter count").get(ENGINE + "/filter/#{filter}/count").check(status().is(200))),
          http("offered to me, first page").post(ENGINE + "/filter/#{offered}/list" + FIRST_PAGE)
              .header("X-XSRF-TOKEN", "#{csrf}").header("Content-Type", "application/json")
              .header("Accept", "application/hal+json, application/json; q=0.5")
              .body(StringBody(NEWEST_FIRST))
              .check(status().is(200), jsonPath("$._embedded.task[14].id").exists()),
          http("group queue, first page").post(ENGINE + "/filter/#{queue}/list" + FIRST_PAGE)
              .header("X-XSRF-TOKEN", "#{csrf}").header("Content-Type", "application/json")
              .header("Accept", "application/hal+json, application/json; q=0.5")
              .body(StringBody(NEWEST_FIRST))
              .check(status().is(200), jsonPath("$._embedded.task[14].id").exists())));

  {
    setUp(staff.injectOpen(atOnceUsers(Bench.USERS)))
        .protocols(browser)
        .maxDuration(Bench.DURATION.plusSeconds(60));
  }
}
