package org.aftersales.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.aftersales.cluster.CaseDriver.Kind;
import org.aftersales.cluster.CaseDriver.Outcome;
import org.aftersales.cluster.CaseDriver.Staff;
import org.aftersales.cluster.SourceBoundHttp.Answer;
import org.aftersales.testsupport.Await;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.WebappSession;
import org.junit.jupiter.api.Test;

/**
 * Issue 18, point 4: the compose topology (two application nodes on one PostgreSQL, nginx in
 * front with {@code docker/nginx.conf}) run without Docker, under load, with one node killed by
 * {@code kill -9} and started again.
 *
 * <p>The nodes are the packaged jar in JVMs of their own, with the compose file's environment;
 * nginx is Debian's, with the compose topology's configuration (see {@link LoadBalancer}).
 * Worker threads open cases through nginx from different client addresses (so that
 * {@code ip_hash} spreads them over both nodes) and work them to the end as the staff would,
 * through {@code /engine-rest} and {@code /api}. While the nodes are busy, the node that holds
 * a Tasklist user's session is killed in the middle of jobs; later it is started again. The
 * database must then show every case closed (or standing as an incident), no task, job,
 * posting, shipment or R&D ticket lost or doubled, the dead node's jobs run by the survivor
 * after their lock ran out, and the Tasklist user asked to log in again with nothing lost.
 *
 * <p>Test settings (both nodes): the job lock time is 15 s instead of Camunda's 5 minutes, the
 * outbox lease 15 s instead of 2 minutes, an idle job executor looks for jobs at least every 3 s;
 * otherwise the survivor would take over only after minutes.
 */
class ClusterIT {

  private static final java.util.logging.Logger LOG = java.util.logging.Logger.getLogger(ClusterIT.class.getName());

  private static final int CASES = 24;
  private static final int WORKERS_PER_NODE = 3;
  private static final Duration LOCK_TIME = Duration.ofSeconds(15);
  private static final Duration NODE_START = Duration.ofMinutes(4);
  private static final String ADMIN_PASSWORD = "cluster-admin-secret";
  private static final String STAFF_PASSWORD = "cluster-staff-secret";
  private static final String DB_PASSWORD = "cluster-db-secret";
  /** One person per staff group, as the service team has them. */
  private static final Map<String, String> STAFF = Map.ofEntries(
      Map.entry("customer-service", "service"), Map.entry("after-sales", "engineer"),
      Map.entry("field-service", "technician"), Map.entry("logistics", "logistics"),
      Map.entry("finance", "finance"), Map.entry("rnd", "rnd"), Map.entry("qa", "qa"),
      Map.entry("sales", "sales"), Map.entry("approver-lead", "lead"),
      Map.entry("approver-manager", "manager"), Map.entry("approver-director", "director"));

  private final ObjectMapper json = new ObjectMapper();
  private final Map<String, Object> figures = new LinkedHashMap<>();

  @Test
  void twoNodesBehindNginxLoseNothingWhenOneIsKilledUnderLoad() throws Exception {
    assumeTrue(LoadBalancer.installed(),
        "Cluster test skipped: nginx is not installed (Debian: apt-get install nginx-light; .ci/run installs it)");
    Path jar = packagedJar();
    Path dir = Files.createTempDirectory("cluster-it");
    Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
    DataSource database = createDatabase();

    ClusterNode app1 = node("app1", jar, dir);
    ClusterNode app2 = node("app2", jar, dir);
    LoadBalancer nginx = new LoadBalancer(Path.of("docker", "nginx.conf"), Files.createDirectories(dir.resolve("nginx")),
        freePort(), app1.port(), app2.port());
    ExecutorService workers = null;
    try {
      // as compose starts them: app2 once app1 is healthy, so only one node creates the schema
      long started = System.nanoTime();
      app1.start();
      app1.awaitHealthy(NODE_START);
      app2.start();
      app2.awaitHealthy(NODE_START);
      figures.put("nodes started (s)", seconds(System.nanoTime() - started));
      nginx.start();

      SourceBoundHttp adminHttp = new SourceBoundHttp("127.0.0.1", nginx.port());
      createStaff(adminHttp);
      Staff staff = new Staff(STAFF, STAFF_PASSWORD, "admin", ADMIN_PASSWORD);

      // the Tasklist user's browser (127.0.0.1) decides which node dies: the one holding its session
      WebappSession browser = new WebappSession(nginx.port());
      assertThat(browser.login("tasklist", "service", STAFF_PASSWORD)).isEqualTo(200);
      String sessionNode = upstream(browser.get("/camunda/api/admin/auth/user/default"));
      ClusterNode victim = sessionNode.endsWith(":" + app1.port()) ? app1 : app2;
      ClusterNode survivor = victim == app1 ? app2 : app1;
      figures.put("killed node", victim.name());

      Map<String, List<String>> sources = sourcesByNode(nginx.port(), app1, app2);
      assertThat(sources.get(app1.name())).as("client addresses nginx sends to app1").hasSizeGreaterThanOrEqualTo(
          WORKERS_PER_NODE);
      assertThat(sources.get(app2.name())).as("client addresses nginx sends to app2").hasSizeGreaterThanOrEqualTo(
          WORKERS_PER_NODE);

      Map<String, Outcome> outcomes = new ConcurrentHashMap<>();
      Set<String> opened = ConcurrentHashMap.newKeySet();
      AtomicInteger failedCalls = new AtomicInteger();
      AtomicInteger completedTasks = new AtomicInteger();
      AtomicInteger lostOpenings = new AtomicInteger();
      CaseDriver mainDriver = new CaseDriver(adminHttp, staff, caseNumber -> hasIncident(database, caseNumber),
          failedCalls, completedTasks);

      // the Tasklist user works a case in the webapp on the node that will die
      String sessionCase = mainDriver.open(Kind.BUG);
      assertThat(sessionCase).isNotNull();
      String acknowledge = awaitTaskId(adminHttp, sessionCase, "AcknowledgeCustomer");
      assertThat(browser.postJson(engineApi("/task/" + acknowledge + "/claim"), "{\"userId\": \"service\"}")
          .statusCode()).isEqualTo(204);
      HttpResponse<String> submitted = browser.postJson(engineApi("/task/" + acknowledge + "/submit-form"),
          "{\"variables\": {\"acknowledgementMessage\": {\"value\": \"已收到（Tasklist）\"}}}");
      assertThat(submitted.statusCode()).as(submitted.body()).isIn(200, 204);
      String triage = awaitTaskId(adminHttp, sessionCase, "TriageCase");
      // Triage goes to the case owner, who acknowledged: claiming it again as that person changes nothing
      assertThat(browser.postJson(engineApi("/task/" + triage + "/claim"), "{\"userId\": \"service\"}").statusCode())
          .isEqualTo(204);
      opened.add(sessionCase);

      // load: workers on both nodes open cases and work them to the end
      AtomicInteger next = new AtomicInteger();
      workers = Executors.newFixedThreadPool(2 * WORKERS_PER_NODE);
      List<Future<?>> running = new ArrayList<>();
      List<String> workerSources = Stream.concat(sources.get(app1.name()).stream().limit(WORKERS_PER_NODE),
          sources.get(app2.name()).stream().limit(WORKERS_PER_NODE)).toList();
      long loadStarted = System.nanoTime();
      for (String source : workerSources) {
        CaseDriver driver = new CaseDriver(new SourceBoundHttp(source, nginx.port()), staff,
            caseNumber -> hasIncident(database, caseNumber), failedCalls, completedTasks);
        running.add(workers.submit(() -> {
          for (int n = next.getAndIncrement(); n < CASES; n = next.getAndIncrement()) {
            String caseNumber = driver.open(Kind.values()[n % Kind.values().length]);
            if (caseNumber == null) {
              lostOpenings.incrementAndGet();
              continue;
            }
            opened.add(caseNumber);
            outcomes.put(caseNumber, driver.drive(caseNumber, Duration.ofSeconds(90)));
          }
          return null;
        }));
      }

      // under load: a third of the cases opened and steps being completed on both nodes
      Await.until("a third of the cases opened", Duration.ofMinutes(3), () -> next.get() >= CASES / 3
          && completedTasks.get() >= 20);
      Kill kill = killInTheMiddleOfJobs(database, victim);
      figures.put("cases opened before the kill", opened.size());
      figures.put("jobs the killed node held", kill.lockedJobs().size());
      figures.put("outbox messages being sent at the kill", kill.sending().size());

      // the Tasklist user's next request reaches the survivor: asked to log in again, or served
      HttpResponse<String> afterKill = browser.get(engineApi("/task?maxResults=50&assignee=service"));
      figures.put("Tasklist session after the kill (HTTP status)", afterKill.statusCode());
      assertThat(afterKill.statusCode()).as("Tasklist's next request after its node died").isIn(200, 401);
      assertThat(browser.login("tasklist", "service", STAFF_PASSWORD)).isEqualTo(200);
      HttpResponse<String> mine = browser.get(engineApi("/task?maxResults=50&assignee=service&processInstanceBusinessKey="
          + sessionCase));
      assertThat(upstream(mine)).endsWith(":" + survivor.port());
      assertThat(mine.body()).as("the task claimed before the crash is still the user's").contains(triage);
      HttpResponse<String> triaged = browser.postJson(engineApi("/task/" + triage + "/submit-form"),
          "{\"variables\": {\"category\": {\"value\": \"bug\"}}}");
      assertThat(triaged.statusCode()).as(triaged.body()).isIn(200, 204);

      // the survivor takes over the dead node's jobs once their lock has run out
      Takeover takeover = awaitTakeover(database, kill, survivor);
      figures.put("killed node's jobs taken over after the kill (s)", seconds(takeover.jobs()));
      figures.put("outbox messages being sent at the kill, all sent after (s)", seconds(takeover.messages()));
      if (!kill.sending().isEmpty()) {
        figures.put("of those sent again once the lease ran out", count(database, "select count(*) from outbox_message"
            + " where attempts > 1 and id in (" + String.join(",", kill.sending()) + ")"));
      }
      assertThat(Duration.ofNanos(takeover.jobs())).as("takeover within the lock time and a few acquisition rounds")
          .isLessThan(LOCK_TIME.plusSeconds(30));
      assertThat(jobsRunBy(database, kill.lockedJobs(), survivor.name()))
          .as("the killed node's jobs ran on the survivor (ACT_HI_JOB_LOG.HOSTNAME_)")
          .containsExactlyInAnyOrderElementsOf(kill.lockedJobs());
      for (Map.Entry<String, String> job : kill.lockExpiry().entrySet()) {
        assertThat(count(database, "select count(*) from act_hi_job_log where job_id_ = ? and hostname_ = ?"
            + " and job_state_ in (1, 2, 3) and timestamp_ < cast(? as timestamp)", job.getKey(), survivor.name(),
            job.getValue()))
            .as("the survivor ran job " + job.getKey() + " only after its lock ran out").isZero();
      }
      assertThat(rows(database, "select assignee_ || ' ' || delete_reason_ from act_hi_taskinst where id_ = ?",
          acknowledge)).as("the step completed in Tasklist before the crash").containsExactly("service completed");

      // the dead node comes back and nginx sends its clients to it again
      long restart = System.nanoTime();
      victim.start();
      victim.awaitHealthy(NODE_START);
      SourceBoundHttp victimClient = new SourceBoundHttp(sources.get(victim.name()).get(0), nginx.port());
      Await.until("nginx sends " + victim.name() + "'s clients to it again", Duration.ofSeconds(60),
          () -> victimClient.get("/actuator/health", null, null).upstream().endsWith(":" + victim.port()));
      figures.put("restart until nginx uses the node again (s)", seconds(System.nanoTime() - restart));
      figures.put("Tasklist session after the restart (HTTP status)",
          browser.get(engineApi("/task?maxResults=50&assignee=service")).statusCode());

      for (Future<?> worker : running) {
        worker.get(8, TimeUnit.MINUTES);
      }
      figures.put("load time (s)", seconds(System.nanoTime() - loadStarted));

      // cases whose opening answer was lost exist all the same: work them to the end too
      Set<String> all = new HashSet<>(caseNumbers(database));
      Set<String> unseen = new HashSet<>(all);
      unseen.removeAll(opened);
      figures.put("openings whose answer was lost", lostOpenings.get());
      figures.put("cases found only in the database", unseen.size());
      assertThat(unseen.size()).as("cases opened without an answer").isLessThanOrEqualTo(lostOpenings.get());
      for (String caseNumber : all) {
        if (!outcomes.containsKey(caseNumber) || outcomes.get(caseNumber) == Outcome.STUCK) {
          outcomes.put(caseNumber, mainDriver.drive(caseNumber, Duration.ofSeconds(90)));
        }
      }
      Await.until("the outbox sent everything", Duration.ofSeconds(60), () -> unchecked(() -> count(database,
          "select count(*) from outbox_message where status <> 'SENT'")) == 0);

      figures.put("cases", all.size());
      figures.put("requests per node (nginx)", requestsPerNode(nginx, app1, app2));
      figures.put("tasks completed", completedTasks.get());
      figures.put("calls failed by the kill (retried)", failedCalls.get());
      assertDatabaseConsistent(database, all, outcomes);
    } finally {
      if (workers != null) {
        workers.shutdownNow();
      }
      nginx.close();
      app1.close();
      app2.close();
      System.out.println("Cluster test figures: " + figures);
      System.out.println("Logs: " + dir);
    }
  }

  /** Every case closed or an incident; nothing lost or doubled (counted in the database). */
  private void assertDatabaseConsistent(DataSource database, Set<String> cases, Map<String, Outcome> outcomes)
      throws SQLException {
    Map<Outcome, Long> byOutcome = new LinkedHashMap<>();
    outcomes.values().forEach(outcome -> byOutcome.merge(outcome, 1L, Long::sum));
    figures.put("outcomes", byOutcome);
    assertThat(outcomes.entrySet().stream().filter(e -> e.getValue() == Outcome.STUCK).map(Map.Entry::getKey))
        .as("cases neither closed nor standing as an incident").isEmpty();
    long closed = count(database, "select count(*) from service_case where status = 'CLOSED'");
    long incidents = count(database, "select count(distinct p.business_key_) from act_ru_incident i"
        + " join act_ru_execution p on p.id_ = i.proc_inst_id_");
    figures.put("closed cases in the database", closed);
    figures.put("cases with an incident", incidents);
    assertThat(closed + incidents).as("cases closed or with an incident").isEqualTo(cases.size());
    assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'service-request'"
        + " and state_ = 'COMPLETED'")).as("service-request instances completed").isEqualTo(closed);
    assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'service-request'"))
        .as("one service-request instance per case").isEqualTo(cases.size());

    assertThat(rows(database, "select proc_inst_id_ || ' ' || task_def_key_ from act_hi_taskinst"
        + " where task_def_key_ <> 'ApproveStep' group by proc_inst_id_, task_def_key_ having count(*) > 1"))
        .as("no step of a case got two tasks").isEmpty();
    assertThat(count(database, "select count(*) from act_ru_task")).as("open tasks left").isZero();
    assertThat(count(database, "select count(*) from act_ru_job where lock_owner_ is not null and process_instance_id_ is not null"))
        .as("jobs still locked").isZero();

    long bugs = caseCount(database, "BUG");
    long repairs = caseCount(database, "DEPOT_REPAIR");
    long refunds = caseCount(database, "REFUND");
    figures.put("cases by kind (bug, depot repair, refund)", List.of(bugs, repairs, refunds));
    assertThat(rows(database, "select case_number from bug_ticket group by case_number having count(*) <> 1"))
        .as("R&D tickets doubled").isEmpty();
    assertThat(count(database, "select count(*) from bug_ticket")).as("one R&D ticket per bug case").isEqualTo(bugs);
    assertThat(rows(database, "select ticket_key from rnd_request group by ticket_key having count(*) <> 1"))
        .as("R&D requests doubled").isEmpty();
    assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'rnd-desk'"))
        .as("one R&D desk instance per ticket").isEqualTo(bugs);
    assertThat(rows(database, "select case_number || ' ' || kind from shipment group by case_number, kind"
        + " having count(*) <> 1")).as("shipments doubled").isEmpty();
    assertThat(count(database, "select count(*) from shipment")).as("a pick-up and a shipment back per repair")
        .isEqualTo(2 * repairs);
    assertThat(rows(database, "select tracking_number || ' ' || action from logistics_request"
        + " group by tracking_number, action having count(*) <> 1")).as("shipment orders doubled").isEmpty();
    assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'logistics-desk'"))
        .as("one logistics desk instance per shipment").isEqualTo(2 * repairs);
    assertThat(rows(database, "select case_number from finance_posting group by case_number having count(*) <> 1"))
        .as("postings doubled").isEmpty();
    assertThat(count(database, "select count(*) from finance_posting")).as("one posting per refund").isEqualTo(refunds);
    assertThat(rows(database, "select reference from finance_request group by reference having count(*) <> 1"))
        .as("postings received twice by finance").isEmpty();
    assertThat(count(database, "select count(*) from act_hi_procinst where proc_def_key_ = 'finance-desk'"))
        .as("one finance desk instance per posting").isEqualTo(refunds);
    assertThat(count(database, "select count(*) from finance_posting where status <> 'settled'"))
        .as("postings not settled").isZero();
  }

  /** Holds the outbox table for a moment so that the victim is in the middle of jobs, then kills it. */
  private Kill killInTheMiddleOfJobs(DataSource database, ClusterNode victim) throws SQLException {
    for (int attempt = 1; attempt <= 10; attempt++) {
      try (Connection hold = database.getConnection()) {
        hold.setAutoCommit(false);
        try (Statement statement = hold.createStatement()) {
          // as on a slow database: customer notices being sent wait (each node's outbox holds a lease on
          // one), then the jobs that queue a message wait, holding their job lock
          statement.execute("lock table notification_log in exclusive mode");
          pause(1_500);
          statement.execute("lock table outbox_message in exclusive mode");
        }
        // jobs the victim holds twice a second apart are waiting, not just passing by
        long until = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        Set<String> waiting = Set.of();
        while (System.nanoTime() < until && waiting.isEmpty()) {
          Set<String> before = new HashSet<>(lockedJobs(database, victim.name()));
          pause(1_000);
          before.retainAll(lockedJobs(database, victim.name()));
          waiting = before;
        }
        if (!waiting.isEmpty()) {
          victim.kill9();
          long killedAt = System.nanoTime();
          List<String> held = lockedJobs(database, victim.name());
          Map<String, String> lockExpiry = new LinkedHashMap<>();
          for (String job : held) {
            lockExpiry.put(job, rows(database, "select cast(lock_exp_time_ as varchar) from act_ru_job where id_ = ?",
                job).get(0));
          }
          assertThat(held).as("jobs the victim held when killed").containsAll(waiting);
          List<String> sending = rows(database, "select cast(id as varchar) from outbox_message where status = 'SENDING'");
          hold.rollback();
          return new Kill(killedAt, held, lockExpiry, sending);
        }
        hold.rollback();
      }
      pause(2_000);
    }
    // The load gave the victim no job to die with this time (the machine's timing decides): kill it all
    // the same; whatever it holds at that moment is still checked, and the figures say it held none.
    LOG.warning(victim.name() + " held no waiting job in ten tries; killed without one");
    victim.kill9();
    long killedAt = System.nanoTime();
    Map<String, String> lockExpiry = new LinkedHashMap<>();
    for (String job : lockedJobs(database, victim.name())) {
      rows(database, "select cast(lock_exp_time_ as varchar) from act_ru_job where id_ = ?", job).stream().findFirst()
          .ifPresent(expiry -> lockExpiry.put(job, expiry));
    }
    List<String> held = List.copyOf(lockExpiry.keySet());
    List<String> sending = rows(database, "select cast(id as varchar) from outbox_message where status = 'SENDING'");
    return new Kill(killedAt, held, lockExpiry, sending);
  }

  /** What the killed node held: its locked jobs (with their lock expiry) and outbox messages being sent. */
  private record Kill(long killedAt, List<String> lockedJobs, Map<String, String> lockExpiry, List<String> sending) {
  }

  private record Takeover(long jobs, long messages) {
  }

  /**
   * Nanoseconds from the kill until every job the victim held ran on (or was locked by) the
   * survivor, and until every outbox message it was sending was sent by the survivor.
   */
  private Takeover awaitTakeover(DataSource database, Kill kill, ClusterNode survivor) throws SQLException {
    Set<String> waiting = new HashSet<>(kill.lockedJobs());
    Set<String> messages = new HashSet<>(kill.sending());
    long jobs = waiting.isEmpty() ? 0 : -1;
    long sent = messages.isEmpty() ? 0 : -1;
    long deadline = kill.killedAt() + LOCK_TIME.plusSeconds(60).toNanos();
    while (jobs < 0 || sent < 0) {
      if (System.nanoTime() > deadline) {
        throw new AssertionError("not taken over after the lock time: jobs " + waiting + ", outbox messages " + messages);
      }
      for (String job : List.copyOf(waiting)) {
        List<String> owner = rows(database, "select coalesce(lock_owner_, '-') from act_ru_job where id_ = ?", job);
        if (owner.isEmpty() || owner.get(0).equals(survivor.name())) {
          waiting.remove(job);
        }
      }
      for (String message : List.copyOf(messages)) {
        if (!rows(database, "select status from outbox_message where id = cast(? as bigint)", message).get(0)
            .equals("SENDING")) {
          messages.remove(message);
        }
      }
      if (jobs < 0 && waiting.isEmpty()) {
        jobs = System.nanoTime() - kill.killedAt();
      }
      if (sent < 0 && messages.isEmpty()) {
        sent = System.nanoTime() - kill.killedAt();
      }
      pause(200);
    }
    return new Takeover(jobs, sent);
  }

  private static List<String> jobsRunBy(DataSource database, List<String> jobs, String host) {
    List<String> run = new ArrayList<>();
    Await.until("the job log of the taken-over jobs", Duration.ofSeconds(60), () -> {
      run.clear();
      for (String job : jobs) {
        if (!unchecked(() -> rows(database, "select job_id_ from act_hi_job_log where job_id_ = ? and hostname_ = ?"
            + " and job_state_ in (1, 2, 3)", job, host)).isEmpty()) {
          run.add(job);
        }
      }
      return run.size() == jobs.size();
    });
    return run;
  }

  private static List<String> lockedJobs(DataSource database, String owner) throws SQLException {
    return rows(database, "select id_ from act_ru_job where lock_owner_ = ?", owner);
  }

  /** Requests nginx passed to each node, from its access log (a failed-over request counts for both). */
  private static Map<String, Long> requestsPerNode(LoadBalancer nginx, ClusterNode app1, ClusterNode app2)
      throws IOException {
    Map<String, Long> requests = new LinkedHashMap<>();
    for (ClusterNode node : List.of(app1, app2)) {
      try (Stream<String> lines = Files.lines(nginx.accessLog())) {
        requests.put(node.name(), lines.filter(line -> line.contains("127.0.0.1:" + node.port())).count());
      }
    }
    return requests;
  }

  /** Client addresses 127.0.k.1 by the node nginx's ip_hash sends them to. */
  private static Map<String, List<String>> sourcesByNode(int nginxPort, ClusterNode app1, ClusterNode app2) {
    Map<String, List<String>> sources = new LinkedHashMap<>();
    sources.put(app1.name(), new ArrayList<>());
    sources.put(app2.name(), new ArrayList<>());
    for (int k = 1; k <= 40; k++) {
      String source = "127.0." + k + ".1";
      Answer health = new SourceBoundHttp(source, nginxPort).get("/actuator/health", null, null);
      assertThat(health.status()).as("health through nginx from " + source + ": " + health.body()).isEqualTo(200);
      String node = health.upstream().endsWith(":" + app1.port()) ? app1.name() : app2.name();
      sources.get(node).add(source);
    }
    return sources;
  }

  private void createStaff(SourceBoundHttp http) {
    for (Map.Entry<String, String> member : STAFF.entrySet()) {
      String user = member.getValue();
      Answer created = http.post("/engine-rest/user/create", """
          {"profile": {"id": "%s", "firstName": "%s", "lastName": "集群", "email": "%s@example.com"},
           "credentials": {"password": "%s"}}""".formatted(user, user, user, STAFF_PASSWORD), "admin", ADMIN_PASSWORD);
      assertThat(created.status()).as("create " + user + ": " + created.body()).isEqualTo(204);
      Answer joined = http.put("/engine-rest/group/" + member.getKey() + "/members/" + user, null, "admin",
          ADMIN_PASSWORD);
      assertThat(joined.status()).as(user + " joins " + member.getKey() + ": " + joined.body()).isEqualTo(204);
    }
  }

  private String awaitTaskId(SourceBoundHttp http, String caseNumber, String taskKey) {
    String[] id = new String[1];
    Await.until(taskKey + " of " + caseNumber, Duration.ofSeconds(60), () -> {
      Answer tasks = http.get("/engine-rest/task?maxResults=10&processInstanceBusinessKey=" + caseNumber + "&taskDefinitionKey="
          + taskKey, "admin", ADMIN_PASSWORD);
      if (!tasks.ok()) {
        return false;
      }
      JsonNode list = read(tasks.body());
      if (list.isEmpty()) {
        return false;
      }
      id[0] = list.get(0).get("id").asText();
      return true;
    });
    return id[0];
  }

  /**
   * A node as compose runs it: the environment of {@code docker/compose.yaml}'s application
   * service (profile, database, secrets), the database address pointed at the test's PostgreSQL,
   * plus the test settings.
   */
  private ClusterNode node(String name, Path jar, Path dir) throws IOException {
    Map<String, String> environment = composeEnvironment();
    environment.put("AFTERSALES_NODE_NAME", name);
    List<String> testSettings = List.of(
        "--camunda.bpm.job-execution.lock-time-in-millis=" + LOCK_TIME.toMillis(),
        "--camunda.bpm.job-execution.max-wait=3000",
        "--aftersales.outbox.lease=PT15S",
        "--aftersales.outbox.poll-interval=PT2S");
    return new ClusterNode(name, freePort(), jar, environment, testSettings, dir);
  }

  private Map<String, String> composeEnvironment() throws IOException {
    List<String> lines = Files.readAllLines(Path.of("docker", "compose.yaml"), StandardCharsets.UTF_8);
    Map<String, String> environment = new LinkedHashMap<>();
    Pattern entry = Pattern.compile("^\\s+([A-Z_]+): (.+)$");
    boolean inside = false;
    for (String line : lines) {
      if (line.contains("environment: &app-environment")) {
        inside = true;
        continue;
      }
      Matcher matcher = entry.matcher(line);
      if (inside && matcher.matches()) {
        environment.put(matcher.group(1), matcher.group(2).trim());
      } else if (inside) {
        break;
      }
    }
    assertThat(environment).as("the application environment of docker/compose.yaml")
        .containsKeys("SPRING_PROFILES_ACTIVE", "DB_URL", "DB_USER", "DB_PASSWORD", "AFTERSALES_ADMIN_PASSWORD");
    Map<String, String> secrets = Map.of("DB_PASSWORD", DB_PASSWORD, "AFTERSALES_ADMIN_PASSWORD", ADMIN_PASSWORD);
    environment.replaceAll((key, value) -> value.startsWith("${") ? secrets.get(value.substring(2).split("[:}]")[0])
        : value);
    String url = environment.get("DB_URL");
    assertThat(url).startsWith("jdbc:postgresql://db:5432/");
    environment.put("DB_URL", url.replace("//db:5432/", "//localhost:" + EmbeddedPostgresSupport.server().getPort() + "/"));
    assertThat(environment.values()).doesNotContainNull();
    return environment;
  }

  /** The compose file's database and role, on the test's PostgreSQL (UTF8, as the postgres image makes it). */
  private DataSource createDatabase() throws IOException, SQLException {
    Map<String, String> environment = composeEnvironment();
    String user = environment.get("DB_USER");
    String name = environment.get("DB_URL").substring(environment.get("DB_URL").lastIndexOf('/') + 1);
    try (Connection connection = EmbeddedPostgresSupport.server().getPostgresDatabase().getConnection();
         Statement statement = connection.createStatement()) {
      statement.execute("drop database if exists " + name);
      statement.execute("drop role if exists " + user);
      statement.execute("create role " + user + " login password '" + DB_PASSWORD + "'");
      statement.execute("create database " + name + " owner " + user + " encoding 'UTF8'");
    }
    return EmbeddedPostgresSupport.server().getDatabase(user, name);
  }

  private static Path packagedJar() throws IOException {
    try (Stream<Path> files = Files.list(Path.of("target"))) {
      return files.filter(p -> p.getFileName().toString().matches("aftersales-flow-.*\\.jar")).findFirst()
          .orElseThrow(() -> new AssertionError("No packaged jar in target/: the cluster test runs the jar that"
              + " mvn package builds (mvn verify does that first)"));
    }
  }

  private static boolean hasIncident(DataSource database, String caseNumber) {
    return unchecked(() -> count(database, "select count(*) from act_ru_incident i join act_ru_execution p"
        + " on p.id_ = i.proc_inst_id_ where p.business_key_ = ?", caseNumber)) > 0;
  }

  private interface Query<T> {
    T run() throws SQLException;
  }

  private static <T> T unchecked(Query<T> query) {
    try {
      return query.run();
    } catch (SQLException e) {
      throw new IllegalStateException(e);
    }
  }

  private static long caseCount(DataSource database, String kind) throws SQLException {
    return count(database, "select count(*) from service_case where description like ?", "%(" + kind + ")");
  }

  private static List<String> caseNumbers(DataSource database) throws SQLException {
    return rows(database, "select case_number from service_case");
  }

  private static long count(DataSource database, String sql, String... arguments) throws SQLException {
    return Long.parseLong(rows(database, sql, arguments).get(0));
  }

  private static List<String> rows(DataSource database, String sql, String... arguments) throws SQLException {
    try (Connection connection = database.getConnection();
         PreparedStatement statement = connection.prepareStatement(sql)) {
      for (int i = 0; i < arguments.length; i++) {
        statement.setString(i + 1, arguments[i]);
      }
      List<String> rows = new ArrayList<>();
      try (ResultSet result = statement.executeQuery()) {
        while (result.next()) {
          rows.add(result.getString(1));
        }
      }
      return rows;
    }
  }

  private static String engineApi(String path) {
    return "/camunda/api/engine/engine/default" + path;
  }

  private static String upstream(HttpResponse<String> response) {
    return response.headers().firstValue("X-Upstream").orElse("?");
  }

  private JsonNode read(String body) {
    try {
      return json.readTree(body);
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private static String seconds(long nanos) {
    return String.format("%.1f", nanos / 1e9);
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
