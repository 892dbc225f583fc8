package org.aftersales.cluster;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.aftersales.cluster.SourceBoundHttp.Answer;

/**
 * Works one case from opening to closing through the load balancer, as the staff would in
 * Tasklist: finds the case's open tasks, claims each as a person of the group it is offered to
 * (or its assignee) and completes it with what the task's form asks for; answers the customer's
 * rating when the case waits for it. Every step is asked of the engine again after a failure
 * (a node that died under the request answers 502), so a lost answer never does a step twice.
 */
final class CaseDriver {

  /** The paths the load takes: each reaches an outside system through the outbox. */
  enum Kind {
    /** confirmed bug: an R&D ticket (embedded R&D desk) */
    BUG("bug", "software", "OA-SUITE", "2026-03-01"),
    /** display repaired at the depot in warranty: a pick-up and a shipment back (embedded logistics desk) */
    DEPOT_REPAIR("repair", "display", "DSP-55", "2026-06-01"),
    /** full refund, approved: a posting to finance (embedded finance desk) */
    REFUND("refund", "software", "OA-SUITE", "2026-03-01");

    final String category;
    final String productLine;
    final String sku;
    final String purchaseDate;

    Kind(String category, String productLine, String sku, String purchaseDate) {
      this.category = category;
      this.productLine = productLine;
      this.sku = sku;
      this.purchaseDate = purchaseDate;
    }
  }

  enum Outcome { CLOSED, INCIDENT, STUCK }

  record Staff(Map<String, String> userByGroup, String password, String admin, String adminPassword) {
  }

  private static final ObjectMapper JSON = new ObjectMapper();
  private static final AtomicInteger SERIAL = new AtomicInteger();

  private final SourceBoundHttp http;
  private final Staff staff;
  private final Predicate<String> hasIncident;
  private final AtomicInteger failedCalls;
  private final AtomicInteger completedTasks;

  CaseDriver(SourceBoundHttp http, Staff staff, Predicate<String> hasIncident, AtomicInteger failedCalls,
      AtomicInteger completedTasks) {
    this.http = http;
    this.staff = staff;
    this.hasIncident = hasIncident;
    this.failedCalls = failedCalls;
    this.completedTasks = completedTasks;
  }

  /** Opens a case; its number, or null when the answer was lost (the case may exist all the same). */
  String open(Kind kind) {
    int serial = SERIAL.incrementAndGet();
    String body = """
        { "customer": { "id": "C-CL-%d", "name": "集群测试客户 %d", "city": "Wuhan", "cityTier": 1,
                        "contractLevel": "standard" },
          "product":  { "sku": "%s", "productLine": "%s", "serialNumber": "SN-CL-%d", "purchaseDate": "%s" },
          "channel": "hotline", "priority": "normal", "category": "%s",
          "description": "Cluster test case %d (%s)" }
        """.formatted(serial, serial, kind.sku, kind.productLine, serial, kind.purchaseDate, kind.category, serial,
        kind.name());
    Answer created = http.post("/api/cases", body, user("customer-service"), staff.password());
    if (created.status() != 201) {
      noteFailure(created);
      return null;
    }
    return read(created.body()).get("caseNumber").asText();
  }

  /** Drives the case until it is closed, stands as an incident, or makes no progress for {@code patience}. */
  Outcome drive(String caseNumber, Duration patience) {
    long lastProgress = System.nanoTime();
    while (true) {
      boolean progress = false;
      JsonNode tasks = adminGet("/engine-rest/task?maxResults=100&processInstanceBusinessKey=" + encode(caseNumber));
      if (tasks != null) {
        for (JsonNode task : tasks) {
          progress |= work(caseNumber, task);
        }
      }
      if (!progress) {
        Answer view = http.get("/api/cases/" + encode(caseNumber), user("customer-service"), staff.password());
        if (view.ok()) {
          String status = read(view.body()).path("status").asText();
          if ("closed".equals(status)) {
            return Outcome.CLOSED;
          }
          if ("resolved".equals(status)) {
            Answer rated = http.post("/api/cases/" + encode(caseNumber) + "/feedback",
                "{\"satisfaction\": 5, \"comment\": \"很满意\"}", user("customer-service"), staff.password());
            progress = rated.ok();
          }
        } else {
          noteFailure(view);
        }
      }
      if (progress) {
        lastProgress = System.nanoTime();
        continue;
      }
      if (hasIncident.test(caseNumber)) {
        return Outcome.INCIDENT;
      }
      if (System.nanoTime() - lastProgress > patience.toNanos()) {
        return Outcome.STUCK;
      }
      pause(250);
    }
  }

  /** Claims and completes one task; true when it was completed. */
  private boolean work(String caseNumber, JsonNode task) {
    String id = task.get("id").asText();
    String key = task.get("taskDefinitionKey").asText();
    String worker = task.hasNonNull("assignee") ? task.get("assignee").asText() : candidate(id);
    if (worker == null) {
      return false;
    }
    Map<String, Object> variables = variables(caseNumber, id, key);
    if (!task.hasNonNull("assignee")) {
      Answer claimed = http.post("/engine-rest/task/" + id + "/claim", "{\"userId\": \"" + worker + "\"}", worker,
          staff.password());
      if (!claimed.ok()) {
        // gone, or claimed by an earlier attempt whose answer was lost: ask the engine again
        noteFailure(claimed);
        return false;
      }
    }
    ObjectNode body = JSON.createObjectNode();
    ObjectNode values = body.putObject("variables");
    variables.forEach((name, value) -> values.putObject(name).set("value", JSON.valueToTree(value)));
    Answer completed = http.post("/engine-rest/task/" + id + "/complete", body.toString(), worker, staff.password());
    if (!completed.ok()) {
      noteFailure(completed);
      if (completed.status() == 400) {
        throw new AssertionError(key + " of " + caseNumber + " refused: " + completed.body());
      }
      return false;
    }
    completedTasks.incrementAndGet();
    return true;
  }

  /** What each task's form asks for, as a person fills it in. */
  private Map<String, Object> variables(String caseNumber, String taskId, String key) {
    Map<String, Object> variables = new LinkedHashMap<>();
    switch (key) {
      case "AcknowledgeCustomer" -> variables.put("acknowledgementMessage", "已收到，我们正在处理 " + caseNumber);
      case "TriageCase" -> variables.put("category", taskVariable(taskId, "category", "consultation"));
      case "AnswerConsultation" -> variables.put("answer", "请参阅手册第三章");
      case "ReproduceBug" -> {
        variables.put("reproducible", true);
        variables.put("reproductionSteps", "修改表单后提交审批");
      }
      case "WorkTicket" -> {
        variables.put("ticketOutcome", "resolved");
        variables.put("fixVersion", "9.1.1");
        variables.put("rndComment", "Fixed");
      }
      case "RetestFix" -> variables.put("retestPassed", true);
      case "RecordResolution" -> variables.put("resolutionSummary", "已解决 " + caseNumber);
      case "AssessFault" -> {
        variables.put("damageCause", "normal-use");
        variables.put("faultType", "hardware-fault");
        variables.put("faultNotes", "黑屏");
      }
      case "ConfirmRepairMode" -> variables.put("repairMode", "depot");
      case "ReportShipment" -> variables.put("shipmentStatus",
          "pick-up".equals(taskVariable(taskId, "shipmentKind", "")) ? "received" : "delivered");
      case "DiagnoseUnit" -> variables.put("diagnosis", "驱动板烧毁");
      case "RepairAtDepot" -> variables.put("repairNotes", "更换驱动板");
      case "QaCheck" -> variables.put("qaPassed", true);
      case "RecordRootCause" -> {
        variables.put("rootCause", "component-failure");
        variables.put("defectCode", "DRV-101");
      }
      case "PrepareAdjustment" -> {
        variables.put("adjustmentType", "full-refund");
        variables.put("currency", "CNY");
        variables.put("originalPrice", 499);
        variables.put("adjustmentReason", "软件无法使用，全额退款");
      }
      case "ApproveStep" -> variables.put("decision", "approve");
      case "ConfirmSettlement" -> variables.put("settlementStatus", "settled");
      default -> throw new AssertionError("The cluster test does not know task " + key + " of " + caseNumber);
    }
    return variables;
  }

  /** A person who may work the task: a candidate user, or a person of a candidate group. */
  private String candidate(String taskId) {
    JsonNode links = adminGet("/engine-rest/task/" + taskId + "/identity-links?type=candidate");
    if (links == null) {
      return null;
    }
    for (JsonNode link : links) {
      if (link.hasNonNull("userId") && staff.userByGroup().containsValue(link.get("userId").asText())) {
        return link.get("userId").asText();
      }
    }
    for (JsonNode link : links) {
      if (link.hasNonNull("groupId") && staff.userByGroup().containsKey(link.get("groupId").asText())) {
        return staff.userByGroup().get(link.get("groupId").asText());
      }
    }
    return null;
  }

  private Object taskVariable(String taskId, String name, Object otherwise) {
    JsonNode value = adminGet("/engine-rest/task/" + taskId + "/variables/" + name);
    return value == null || value.path("value").isNull() ? otherwise : value.get("value").asText();
  }

  private JsonNode adminGet(String path) {
    Answer answer = http.get(path, staff.admin(), staff.adminPassword());
    if (!answer.ok()) {
      noteFailure(answer);
      return null;
    }
    return read(answer.body());
  }

  /** Counts answers that a node's failure explains: no answer, or nginx's 502/504. */
  private void noteFailure(Answer answer) {
    if (answer.status() < 0 || answer.status() >= 500) {
      failedCalls.incrementAndGet();
    }
  }

  private String user(String group) {
    return staff.userByGroup().get(group);
  }

  private static JsonNode read(String body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8);
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new AssertionError("Interrupted");
    }
  }
}
