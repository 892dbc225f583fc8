package org.aftersales.cockpit.history;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The Cockpit plugin resource of "Case history" through the webapps' session login, as the
 * plugin's browser code calls it: approval records of a case, for auditors and admins only.
 */
@PostgresIntegrationTest
class CaseHistoryResourceIT {

  @LocalServerPort int port;
  @Autowired RuntimeService runtimeService;
  @Autowired IdentityService identityService;

  @BeforeEach
  void users() {
    TestUsers.ensure(identityService, "ch-auditor", "auditors");
    TestUsers.ensure(identityService, "ch-service", "customer-service");
    TestUsers.ensure(identityService, "ch-req", "customer-service");
    TestUsers.ensure(identityService, "ch-lead", "approver-lead");
  }

  @Test
  void auditorsReadTheApprovalRecordsOfACaseAndStaffAreRefused() {
    String caseNumber = "AS-2026-9" + String.format("%05d", System.nanoTime() % 100000);
    ProcessInstance caseInstance = runtimeService.startProcessInstanceByKey("approval", caseNumber, Map.of(
        "subjectType", "generic", "amount", 100, "currency", "CNY", "requester", "ch-req",
        "region", "east", "department", "service", "summary", "Case history IT"));
    ProcessInstance otherCase = runtimeService.startProcessInstanceByKey("approval", caseNumber + "-X", Map.of(
        "subjectType", "generic", "amount", 100, "currency", "CNY", "requester", "ch-req",
        "region", "east", "department", "service", "summary", "Another case"));
    String path = "/camunda/api/cockpit/plugin/case-history/default/approval-records/" + caseInstance.getId();

    Session auditor = Session.login(port, "cockpit", "ch-auditor");
    HttpResponse<String> read = auditor.get(path);
    assertThat(read.statusCode()).as(read.body()).isEqualTo(200);
    assertThat(read.body()).contains("\"action\":\"submitted\"", "\"actor\":\"ch-req\"",
        "\"caseNumber\":\"" + caseNumber + "\"", "\"processInstanceId\":\"" + caseInstance.getId() + "\"")
        .doesNotContain(otherCase.getId());
    assertThat(auditor.get("/camunda/api/cockpit/plugin/case-history/default/approval-records/no-such-instance")
        .statusCode()).isEqualTo(404);

    // Issue 15: the action's and step's words in the page's language (sent as Accept-Language), codes kept
    HttpResponse<String> chinese = auditor.send(HttpRequest.newBuilder(URI.create(auditor.base() + path))
        .header("Accept", "application/json").header("Accept-Language", "zh-CN").GET());
    assertThat(chinese.body()).contains("\"action\":\"submitted\"", "\"actionLabel\":\"已提交\"");
    HttpResponse<String> english = auditor.send(HttpRequest.newBuilder(URI.create(auditor.base() + path))
        .header("Accept", "application/json").header("Accept-Language", "en").GET());
    assertThat(english.body()).contains("\"action\":\"submitted\"", "\"actionLabel\":\"Submitted\"");
    assertThat(auditor.get("/camunda/api/cockpit/plugin/case-history/default/service-day").body())
        .contains("\"zone\":\"Asia/Shanghai\"", "\"today\":\"");

    Session admin = Session.login(port, "cockpit", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD);
    assertThat(admin.get(path).statusCode()).isEqualTo(200);

    // staff log in to Tasklist; the same session is refused the plugin's data
    Session staff = Session.login(port, "tasklist", "ch-service");
    HttpResponse<String> refused = staff.get(path);
    assertThat(refused.statusCode()).as(refused.body()).isEqualTo(403);
    assertThat(refused.body()).doesNotContain("submitted");
    HttpResponse<String> refusedInChinese = staff.send(HttpRequest.newBuilder(URI.create(staff.base() + path))
        .header("Accept", "application/json").header("Accept-Language", "zh-CN").GET());
    assertThat(refusedInChinese.statusCode()).isEqualTo(403);
    assertThat(refusedInChinese.body()).contains("工单历史仅供审计员和管理员查看");

    assertThat(Session.anonymous(port).get(path).statusCode()).isEqualTo(401);
  }

  /** A browser session of the webapps: cookies, the CSRF token, the login form. */
  record Session(HttpClient client, String base) {

    static Session anonymous(int port) {
      return new Session(HttpClient.newBuilder().cookieHandler(new CookieManager()).build(),
          "http://localhost:" + port);
    }

    static Session login(int port, String app, String user) {
      return login(port, app, user, TestUsers.PASSWORD);
    }

    static Session login(int port, String app, String user, String password) {
      CookieManager cookies = new CookieManager();
      Session session = new Session(HttpClient.newBuilder().cookieHandler(cookies).build(), "http://localhost:" + port);
      session.get("/camunda/app/" + app + "/default/");
      String token = cookies.getCookieStore().getCookies().stream().filter(c -> c.getName().equals("XSRF-TOKEN"))
          .map(HttpCookie::getValue).findFirst().orElseThrow();
      HttpResponse<String> login = session.send(HttpRequest.newBuilder(
              URI.create(session.base() + "/camunda/api/admin/auth/user/default/login/" + app))
          .header("Content-Type", "application/x-www-form-urlencoded").header("X-XSRF-TOKEN", token)
          .POST(HttpRequest.BodyPublishers.ofString("username=" + user + "&password=" + password)));
      assertThat(login.statusCode()).as("login of " + user + ": " + login.body()).isEqualTo(200);
      return session;
    }

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)).header("Accept", "application/json").GET());
    }

    HttpResponse<String> send(HttpRequest.Builder request) {
      try {
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
