package org.aftersales.identity.ldap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.unboundid.ldap.listener.InMemoryDirectoryServer;
import com.unboundid.ldap.listener.InMemoryDirectoryServerConfig;
import com.unboundid.ldap.listener.InMemoryListenerConfig;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import org.aftersales.AftersalesApplication;
import org.aftersales.identity.ldap.DirectorySettingsCheck.MissingDirectoryPasswordException;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Profile {@code ldap} against a real LDAP server (UnboundID's in-memory directory server, started here
 * from {@code ldap/directory.ldif}), on PostgreSQL: directory users log in to the webapps and to
 * {@code /engine-rest} and {@code /api} as their mapped groups allow; wrong passwords and a disabled account
 * are refused; a person in two directory groups works both groups' queues; a directory that is down is a
 * clear 503 while the local admin still logs in; the bind password is required from the environment.
 */
class DirectoryLoginIT {

  /** Helper 1's LDAP port: fixed, so that the server can come back on it after being stopped. */
  static final int LDAP_PORT = 18111;
  static final String BASE = "dc=aftersales,dc=example";
  static final String BIND_DN = "cn=aftersales-flow,ou=services," + BASE;
  static final String BIND_PASSWORD = "directory-bind-secret";
  static final String ADMIN_PASSWORD = "local-admin-secret";
  static final ObjectMapper JSON = new ObjectMapper();

  static InMemoryDirectoryServer directory;
  static ConfigurableApplicationContext application;
  static int port;

  @BeforeAll
  static void start() throws Exception {
    InMemoryDirectoryServerConfig config = new InMemoryDirectoryServerConfig(BASE);
    config.setListenerConfigs(InMemoryListenerConfig.createLDAPConfig("ldap", LDAP_PORT));
    config.addAdditionalBindCredentials(BIND_DN, BIND_PASSWORD);
    // nsAccountLock (how 389 Directory Server and FreeIPA disable an account) is not in the standard schema.
    config.setSchema(null);
    directory = new InMemoryDirectoryServer(config);
    directory.importFromLDIF(true, DirectoryLoginIT.class.getResource("/ldap/directory.ldif").getPath());
    directory.startListening();

    String url = EmbeddedPostgresSupport.createDatabase("directory_logins");
    List<String> arguments = new ArrayList<>(List.of("--server.port=0", "--spring.datasource.url=" + url,
        "--spring.datasource.username=postgres", "--spring.datasource.password=postgres",
        "--camunda.bpm.job-execution.enabled=false",
        "--aftersales.admin.password=" + ADMIN_PASSWORD,
        "--aftersales.ldap.server-url=ldap://localhost:" + LDAP_PORT,
        "--aftersales.ldap.base-dn=" + BASE,
        "--aftersales.ldap.manager-dn=" + BIND_DN,
        // In production AFTERSALES_LDAP_PASSWORD; the property it fills is the same.
        "--aftersales.ldap.manager-password=" + BIND_PASSWORD,
        "--aftersales.ldap.connect-timeout=PT1S",
        "--aftersales.ldap.group-mapping.customer-service=售后-客服",
        "--aftersales.ldap.group-mapping.approver-lead=售后-主管",
        "--aftersales.ldap.group-mapping.auditors=审计",
        "--aftersales.ldap.group-mapping.camunda-admin=IT-流程管理员"));
    application = new SpringApplicationBuilder(AftersalesApplication.class).profiles("postgres", "ldap")
        .run(arguments.toArray(String[]::new));
    port = ((WebServerApplicationContext) application).getWebServer().getPort();
  }

  @AfterAll
  static void stop() {
    if (application != null) {
      application.close();
    }
    if (directory != null) {
      directory.shutDown(true);
    }
  }

  @Test
  void directoryUsersOpenTheWebappsTheirMappedGroupsAllow() throws Exception {
    // 售后-客服 → customer-service: Tasklist, not Cockpit or Admin.
    assertThat(new WebappSession(port).login("tasklist", "zhang.wei", "zhang-wei-secret")).isEqualTo(200);
    assertThat(new WebappSession(port).login("cockpit", "zhang.wei", "zhang-wei-secret")).isEqualTo(403);
    assertThat(new WebappSession(port).login("admin", "zhang.wei", "zhang-wei-secret")).isEqualTo(403);
    // 审计 → auditors: Cockpit.
    WebappSession auditor = new WebappSession(port);
    assertThat(auditor.login("cockpit", "wang.fang", "wang-fang-secret")).isEqualTo(200);
    assertThat(auditor.get("/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
    assertThat(new WebappSession(port).login("tasklist", "wang.fang", "wang-fang-secret")).isEqualTo(403);
    // IT-流程管理员 → camunda-admin: Admin, where the mapped groups are listed under our ids and names.
    WebappSession admin = new WebappSession(port);
    assertThat(admin.login("admin", "chen.jie", "chen-jie-secret")).isEqualTo(200);
    assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
    HttpResponse<String> groups = admin.get("/camunda/api/engine/engine/default/group?sortBy=id&sortOrder=asc&firstResult=0&maxResults=50");
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
    assertThat(ids(groups.body())).containsExactly("approver-lead", "auditors", "camunda-admin", "customer-service");
    assertThat(JSON.readTree(groups.body()).get(0).path("name").asText()).isEqualTo("Approvers: team leads");
    // 行政 is in no mapping: a directory user, but in none of our groups.
    assertThat(new WebappSession(port).login("tasklist", "liu.yang", "liu-yang-secret")).isEqualTo(403);
  }

  @Test
  void httpBasicOnEngineRestAndApiChecksTheDirectoryPassword() throws Exception {
    Http http = new Http(port);
    HttpResponse<String> groups = http.get("/engine-rest/group?member=li.na&maxResults=50", "li.na", "li-na-secret");
    assertThat(groups.statusCode()).as(groups.body()).isEqualTo(200);
    assertThat(ids(groups.body())).containsExactlyInAnyOrder("customer-service", "approver-lead");
    HttpResponse<String> user = http.get("/engine-rest/user/zhang.wei/profile", "li.na", "li-na-secret");
    assertThat(user.statusCode()).as(user.body()).isEqualTo(200);
    assertThat(JSON.readTree(user.body()).path("lastName").asText()).isEqualTo("张");
    // Authenticated on /api: an unknown case is a 404, not a 401.
    assertThat(http.get("/api/cases/AS-2026-999999", "zhang.wei", "zhang-wei-secret").statusCode()).isEqualTo(404);

    assertThat(http.get("/engine-rest/task", "zhang.wei", "not-the-password").statusCode()).isEqualTo(401);
    assertThat(http.get("/api/cases/AS-2026-999999", "zhang.wei", "not-the-password").statusCode()).isEqualTo(401);
    assertThat(new WebappSession(port).login("tasklist", "li.na", "not-the-password")).isEqualTo(401);
  }

  @Test
  void aDisabledAccountCannotLogInWithItsRightPassword() {
    // zhao.lei is in 售后-客服 with a valid password, but nsAccountLock: TRUE keeps the account out of the user search.
    assertThat(new WebappSession(port).login("tasklist", "zhao.lei", "zhao-lei-secret")).isEqualTo(401);
    assertThat(new Http(port).get("/engine-rest/task", "zhao.lei", "zhao-lei-secret").statusCode()).isEqualTo(401);
    // Nor is the account a member of the group it is listed in.
    HttpResponse<String> members = new Http(port).get("/engine-rest/user?memberOfGroup=customer-service&sortBy=userId&sortOrder=asc&maxResults=50",
        "li.na", "li-na-secret");
    assertThat(members.statusCode()).as(members.body()).isEqualTo(200);
    assertThat(ids(members.body())).containsExactly("li.na", "zhang.wei");
  }

  @Test
  void aPersonInTwoDirectoryGroupsWorksBothGroupsQueues() throws Exception {
    TaskService tasks = application.getBean(ProcessEngine.class).getTaskService();
    String desk = candidateTask(tasks, "Call back (desk)", "customer-service");
    String lead = candidateTask(tasks, "Approve discount (lead)", "approver-lead");
    String finance = candidateTask(tasks, "Post refund (finance)", "finance");

    WebappSession session = new WebappSession(port);
    assertThat(session.login("tasklist", "li.na", "li-na-secret")).isEqualTo(200);
    HttpResponse<String> filterList = session.get("/camunda/api/engine/engine/default/filter?resourceType=Task&firstResult=0&maxResults=100");
    assertThat(filterList.statusCode()).as(filterList.body()).isEqualTo(200);
    JsonNode filters = JSON.readTree(filterList.body());
    List<String> queues = new ArrayList<>();
    String offered = null;
    for (JsonNode filter : filters) {
      String kind = filter.path("properties").path("aftersalesFilter").asText();
      if (kind.equals("group-queue")) {
        queues.add(filter.path("properties").path("owner").asText());
      }
      if (kind.equals("offered-to-me") && "li.na".equals(filter.path("owner").asText())) {
        offered = filter.path("id").asText();
      }
    }
    assertThat(queues).containsExactlyInAnyOrder("customer-service", "approver-lead");
    assertThat(offered).as("li.na's own 'Offered to me' filter, seeded for a directory user").isNotNull();

    HttpResponse<String> offeredTasks = session.postJson(
        "/camunda/api/engine/engine/default/filter/" + offered + "/list?firstResult=0&maxResults=15", "{}");
    assertThat(offeredTasks.statusCode()).isEqualTo(200);
    assertThat(ids(offeredTasks.body())).contains(desk, lead).doesNotContain(finance);

    HttpResponse<String> visible = new Http(port).get("/engine-rest/task?maxResults=100", "li.na", "li-na-secret");
    assertThat(ids(visible.body())).contains(desk, lead).doesNotContain(finance);
    HttpResponse<String> deskOnly = new Http(port).get("/engine-rest/task?maxResults=100", "zhang.wei",
        "zhang-wei-secret");
    assertThat(ids(deskOnly.body())).contains(desk).doesNotContain(lead, finance);
  }

  @Test
  void aDirectoryThatIsDownIsAClearAnswerAndTheLocalAdminStillLogsIn() throws Exception {
    directory.shutDown(true);
    try {
      HttpResponse<String> login = new WebappSession(port, "zh-CN,zh;q=0.9").loginResponse("tasklist", "zhang.wei",
          "zhang-wei-secret");
      assertThat(login.statusCode()).isEqualTo(503);
      JsonNode body = JSON.readTree(login.body());
      assertThat(body.path("type").asText()).isEqualTo("DirectoryUnavailableException");
      assertThat(body.path("message").asText()).contains("公司目录");

      HttpResponse<String> basic = new Http(port).send(new Http(port).request("/engine-rest/task", "zhang.wei",
          "zhang-wei-secret").header("Accept-Language", "en").GET());
      assertThat(basic.statusCode()).isEqualTo(503);
      assertThat(JSON.readTree(basic.body()).path("message").asText()).contains("company directory");
      assertThat(new Http(port).get("/api/cases/AS-2026-999999", "zhang.wei", "zhang-wei-secret").statusCode())
          .isEqualTo(503);

      // The local admin lives in Camunda's tables.
      WebappSession admin = new WebappSession(port);
      assertThat(admin.login("admin", "admin", ADMIN_PASSWORD)).isEqualTo(200);
      assertThat(admin.get("/camunda/app/admin/default/").statusCode()).isEqualTo(200);
      assertThat(admin.login("cockpit", "admin", ADMIN_PASSWORD)).isEqualTo(200);
      assertThat(new Http(port).get("/engine-rest/process-definition?maxResults=5", "admin", ADMIN_PASSWORD)
          .statusCode()).isEqualTo(200);
      assertThat(new WebappSession(port).login("admin", "admin", "not-the-password")).isEqualTo(401);
    } finally {
      directory.startListening();
    }
    assertThat(new WebappSession(port).login("tasklist", "zhang.wei", "zhang-wei-secret")).isEqualTo(200);
  }

  @Test
  void refusesToStartWithoutTheBindPasswordAndNamesIt() {
    assertThatThrownBy(() -> new SpringApplicationBuilder(AftersalesApplication.class).profiles("ldap")
            .run("--server.port=0", "--aftersales.admin.password=" + ADMIN_PASSWORD,
                "--aftersales.ldap.server-url=ldap://localhost:" + LDAP_PORT,
                "--aftersales.ldap.manager-dn=" + BIND_DN, "--aftersales.ldap.manager-password="))
        .isInstanceOf(MissingDirectoryPasswordException.class)
        .hasMessageContaining("AFTERSALES_LDAP_PASSWORD");
  }

  private static String candidateTask(TaskService tasks, String name, String group) {
    Task task = tasks.newTask();
    task.setName(name);
    tasks.saveTask(task);
    tasks.addCandidateGroup(task.getId(), group);
    return task.getId();
  }

  private static List<String> ids(String json) {
    try {
      List<String> ids = new ArrayList<>();
      JSON.readTree(json).forEach(node -> ids.add(node.path("id").asText()));
      return ids;
    } catch (IOException e) {
      throw new UncheckedIOException(json, e);
    }
  }
}
