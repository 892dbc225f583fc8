package org.aftersales.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;

/**
 * The same three-step model (user task, service task, user task) on every engine, through
 * Camunda's REST API as a staff user of the candidate group: start, find the task, complete it,
 * find the next, complete it. One virtual user is one process instance; {@code bench.users} run
 * at once for {@code bench.seconds}. With {@code bench.only-start=true} each virtual user only
 * starts an instance: the engine's process-start rate.
 */
public class SimpleModelSimulation extends Simulation {

  private static final boolean ONLY_START = Boolean.getBoolean("bench.only-start");

  private final ScenarioBuilder startOnly = scenario("start only").exec(
      http("start").post("/engine-rest/process-definition/key/bench-simple/start")
          .body(StringBody("{}"))
          .check(status().is(200)));

  private final ScenarioBuilder instance = scenario("simple model").exec(
      http("start").post("/engine-rest/process-definition/key/bench-simple/start")
          .body(StringBody("{}"))
          .check(status().is(200), jsonPath("$.id").saveAs("instance")),
      http("find first task").get("/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=#{instance}")
          .check(status().is(200), jsonPath("$[0].id").saveAs("task")),
      http("complete first task").post("/engine-rest/task/#{task}/complete")
          .body(StringBody("{}"))
          .check(status().is(204)),
      http("find second task").get("/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=#{instance}")
          .check(status().is(200), jsonPath("$[0].id").saveAs("task")),
      http("complete second task").post("/engine-rest/task/#{task}/complete")
          .body(StringBody("{}"))
          .check(status().is(204)));

  {
    setUp((ONLY_START ? startOnly : instance).injectClosed(constantConcurrentUsers(Bench.USERS).during(Bench.DURATION)))
        .protocols(Bench.basic(Bench.USER, Bench.PASSWORD));
  }
}
