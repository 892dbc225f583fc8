package org.aftersales.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cases of Aftersales Flow as the service desk opens and works them, as the demo user
 * {@code service} (group customer-service): {@code bench.case=intake} only opens cases through
 * {@code POST /api/cases}; {@code consultation} opens one and works it to the closed case, each
 * task completed through {@code submit-form} with the fields its Camunda Form requires, and the
 * customer's rating through {@code POST /api/cases/{n}/feedback}.
 */
public class CaseSimulation extends Simulation {

  private static final String CASE = System.getProperty("bench.case", "intake");
  private static final AtomicLong SERIAL = new AtomicLong();

  private static final String NEW_CASE = """
      { "customer": { "id": "C-#{serial}", "name": "杭州云图科技有限公司", "city": "杭州", "cityTier": 2,
                      "contractLevel": "standard", "contact": "service-#{serial}@example.cn" },
        "product":  { "sku": "OA-SUITE", "productLine": "software", "serialNumber": "SN-B-#{serial}",
                      "purchaseDate": "2026-03-01" },
        "channel": "hotline", "priority": "normal", "category": "#{category}",
        "description": "审批流程在修改表单后停止，请问如何恢复？" }
      """;

  private final ChainBuilder open = exec(session -> session
      .set("serial", SERIAL.incrementAndGet())
      .set("category", "consultation"))
      .exec(http("open case").post("/api/cases")
          .body(StringBody(NEW_CASE))
          .check(status().is(201), jsonPath("$.caseNumber").saveAs("case"),
              jsonPath("$.processInstanceId").saveAs("instance")));

  private static ChainBuilder work(String taskKey, String variables) {
    return exec(
        http("find " + taskKey).get("/engine-rest/task?firstResult=0&maxResults=10&processInstanceId=#{instance}&taskDefinitionKey=" + taskKey)
            .check(status().is(200), jsonPath("$[0].id").saveAs("task")),
        http("submit " + taskKey).post("/engine-rest/task/#{task}/submit-form")
            .body(StringBody("{\"variables\": " + variables + "}"))
            .check(status().in(200, 204)));
  }

  private final ChainBuilder consultation = exec(
      work("AcknowledgeCustomer", "{\"acknowledgementMessage\": {\"value\": \"您好，我们已收到您的问题，会尽快答复。\"}}"),
      work("TriageCase", "{\"category\": {\"value\": \"consultation\"}, \"triageNotes\": {\"value\": \"咨询\"}}"),
      work("AnswerConsultation", "{\"answer\": {\"value\": \"请在流程设计器中重新发布表单后重试。\"}}"),
      work("RecordResolution", "{\"resolutionSummary\": {\"value\": \"重新发布表单后流程恢复。\"}}"),
      exec(http("customer's rating").post("/api/cases/#{case}/feedback")
          .body(StringBody("{\"satisfaction\": 5, \"comment\": \"很好\"}"))
          .check(status().is(200))));

  private final ScenarioBuilder cases = switch (CASE) {
    case "intake" -> scenario("case intake").exec(open);
    case "consultation" -> scenario("consultation case").exec(open, consultation);
    default -> throw new IllegalArgumentException("bench.case: intake or consultation, not " + CASE);
  };

  {
    setUp(cases.injectClosed(constantConcurrentUsers(Bench.USERS).during(Bench.DURATION)))
        .protocols(Bench.basic(System.getProperty("bench.staff", "service"), "demo"));
  }
}
