package org.aftersales.benchmark;

import static io.gatling.javaapi.core.CoreDsl.StringBody;
import static io.gatling.javaapi.core.CoreDsl.constantConcurrentUsers;
import static io.gatling.javaapi.core.CoreDsl.doIf;
import static io.gatling.javaapi.core.CoreDsl.doIfOrElse;
import static io.gatling.javaapi.core.CoreDsl.exec;
import static io.gatling.javaapi.core.CoreDsl.jsonPath;
import static io.gatling.javaapi.core.CoreDsl.pause;
import static io.gatling.javaapi.core.CoreDsl.scenario;
import static io.gatling.javaapi.http.HttpDsl.http;
import static io.gatling.javaapi.http.HttpDsl.status;

import io.gatling.javaapi.core.ChainBuilder;
import io.gatling.javaapi.core.ScenarioBuilder;
import io.gatling.javaapi.core.Simulation;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Cases of Aftersales Flow as the service desk opens and works them, as the demo user
 * {@code service} (group customer-service): {@code bench.case=intake} only opens cases through
 * {@code POST /api/cases}; {@code consultation} opens one and works it to the closed case, each
 * task completed through {@code submit-form} with the fields its Camunda Form requires, and the
 * customer's rating through {@code POST /api/cases/{n}/feedback}; {@code depot-repair} opens an
 * in-warranty display repair and works every task of the case (repair, and the logistics desk's
 * pick-up and shipment back) as a person of the task's group, through {@code complete} with the
 * fields its form requires, until the case is resolved, then rates it.
 */
public class CaseSimulation extends Simulation {

  private static final String CASE = System.getProperty("bench.case", "intake");
  private static final AtomicLong SERIAL = new AtomicLong();

  private static final String NEW_CASE = """
      { "customer": { "id": "C-#{serial}", "name": "杭州云图科技有限公司", "city": "杭州", "cityTier": 2,
                      "contractLevel": "standard", "contact": "service-#{serial}@example.cn" },
        "product":  { "sku": "#{sku}", "productLine": "#{productLine}", "serialNumber": "SN-B-#{serial}",
                      "purchaseDate": "#{purchased}" },
        "channel": "hotline", "priority": "normal", "category": "#{category}",
        "description": "审批流程在修改表单后停止，请问如何恢复？" }
      """;

  private final ChainBuilder open = exec(session -> session
      .set("serial", SERIAL.incrementAndGet())
      .set("category", CASE.equals("depot-repair") ? "repair" : "consultation")
      .set("productLine", CASE.equals("depot-repair") ? "display" : "software")
      .set("sku", CASE.equals("depot-repair") ? "DSP-55" : "OA-SUITE")
      .set("purchased", CASE.equals("depot-repair") ? "2026-06-01" : "2026-03-01"))
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

  /** Who works each task of a depot repair (the demo's person of the task's candidate group), and what it enters. */
  private static final Map<String, String> WORKER = Map.of(
      "AcknowledgeCustomer", "service", "TriageCase", "service", "RecordResolution", "service",
      "AssessFault", "engineer", "ConfirmRepairMode", "engineer", "DiagnoseUnit", "engineer",
      "RepairAtDepot", "engineer", "RecordRootCause", "engineer", "QaCheck", "qa", "ReportShipment", "logistics");

  private static final Map<String, String> FIELDS = Map.of(
      "AcknowledgeCustomer", "{\"acknowledgementMessage\": {\"value\": \"您好，我们已收到您的报修。\"}}",
      "TriageCase", "{\"category\": {\"value\": \"repair\"}}",
      "AssessFault", "{\"damageCause\": {\"value\": \"normal-use\"}, \"faultType\": {\"value\": \"hardware-fault\"},"
          + " \"faultNotes\": {\"value\": \"黑屏\"}}",
      "ConfirmRepairMode", "{\"repairMode\": {\"value\": \"depot\"}}",
      "DiagnoseUnit", "{\"diagnosis\": {\"value\": \"驱动板烧毁\"}}",
      "RepairAtDepot", "{\"repairNotes\": {\"value\": \"更换驱动板\"}}",
      "QaCheck", "{\"qaPassed\": {\"value\": true}}",
      "RecordRootCause", "{\"rootCause\": {\"value\": \"component-failure\"}, \"defectCode\": {\"value\": \"DRV-101\"}}",
      "RecordResolution", "{\"resolutionSummary\": {\"value\": \"更换驱动板后显示正常。\"}}");

  private final ChainBuilder depotRepair = exec(session -> session.set("closed", false))
      .asLongAs(session -> !session.getBoolean("closed")).on(
          exec(session -> session.remove("task")),
          // what is open in the case (its process and the logistics desk's), as an overview would ask
          http("open tasks of the case").get("/engine-rest/task?firstResult=0&maxResults=10"
                  + "&processInstanceBusinessKey=#{case}")
              .basicAuth("admin", "demo")
              .check(status().is(200), jsonPath("$[0].id").optional().saveAs("task"),
                  jsonPath("$[0].taskDefinitionKey").optional().saveAs("key")),
          doIfOrElse(session -> session.contains("task")).then(
              doIf(session -> "ReportShipment".equals(session.getString("key"))).then(
                  http("shipment kind").get("/engine-rest/task/#{task}/variables/shipmentKind")
                      .basicAuth("admin", "demo")
                      .check(status().is(200), jsonPath("$.value").saveAs("shipmentKind"))),
              exec(session -> session
                  .set("worker", WORKER.getOrDefault(session.getString("key"), "admin"))
                  .set("fields", "ReportShipment".equals(session.getString("key"))
                      ? "{\"shipmentStatus\": {\"value\": \""
                          + ("pick-up".equals(session.getString("shipmentKind")) ? "received" : "delivered") + "\"}}"
                      : FIELDS.getOrDefault(session.getString("key"), "{}"))),
              http("claim").post("/engine-rest/task/#{task}/claim").basicAuth("#{worker}", "demo")
                  .body(StringBody("{\"userId\": \"#{worker}\"}")).check(status().is(204)),
              http("complete").post("/engine-rest/task/#{task}/complete").basicAuth("#{worker}", "demo")
                  .body(StringBody("{\"variables\": #{fields}}")).check(status().is(204)))
          .orElse(
              http("case status").get("/api/cases/#{case}")
                  .check(status().is(200), jsonPath("$.status").saveAs("status")),
              doIfOrElse(session -> "resolved".equals(session.getString("status"))).then(
                  http("customer's rating").post("/api/cases/#{case}/feedback")
                      .body(StringBody("{\"satisfaction\": 5, \"comment\": \"很好\"}"))
                      .check(status().is(200)),
                  exec(session -> session.set("closed", true)))
              .orElse(
                  doIfOrElse(session -> "closed".equals(session.getString("status")))
                      .then(exec(session -> session.set("closed", true)))
                      // an asynchronous step or the outbox is still at work
                      .orElse(pause(Duration.ofMillis(200))))));

  private final ScenarioBuilder cases = switch (CASE) {
    case "intake" -> scenario("case intake").exec(open);
    case "consultation" -> scenario("consultation case").exec(open, consultation);
    case "depot-repair" -> scenario("depot repair case").exec(open, depotRepair);
    default -> throw new IllegalArgumentException("bench.case: intake, consultation or depot-repair, not " + CASE);
  };

  {
    setUp(cases.injectClosed(constantConcurrentUsers(Bench.USERS).during(Bench.DURATION)))
        .protocols(Bench.basic(System.getProperty("bench.staff", "service"), "demo"));
  }
}
