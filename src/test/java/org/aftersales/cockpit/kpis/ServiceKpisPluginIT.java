package org.aftersales.cockpit.kpis;

import static org.assertj.core.api.Assertions.assertThat;

import org.aftersales.testsupport.Http;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The "Service KPIs" plugin's server side: the service report under Cockpit's session, for the same groups. */
@PostgresIntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ServiceKpisPluginIT {

  private static final String PLUGIN = "/camunda/api/cockpit/plugin/service-kpis/default/report";
  private static final String PERIOD = "?from=2020-01-01&to=2030-12-31";

  @LocalServerPort int port;
  @Autowired IdentityService identityService;

  Http http;
  String auditor;
  String director;
  String service;

  @BeforeAll
  void people() {
    http = new Http(port);
    auditor = TestUsers.ensure(identityService, "kpi-auditor", "auditors");
    director = TestUsers.ensure(identityService, "kpi-director", "approver-director");
    service = TestUsers.ensure(identityService, "kpi-service", "customer-service");
  }

  @Test
  void theAuditorsCockpitSessionReadsTheSameFiguresAsTheApi() {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);

    var json = cockpit.get(PLUGIN + PERIOD);
    assertThat(json.statusCode()).as(json.body()).isEqualTo(200);
    assertThat(json.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
    var api = http.get("/api/reports/service" + PERIOD, auditor, TestUsers.PASSWORD);
    assertThat(api.statusCode()).isEqualTo(200);
    assertThat(json.body()).isEqualTo(api.body());

    // an English browser (WebappSession's default): the CSV as /api/reports/service writes it for English
    var csv = cockpit.get(PLUGIN + PERIOD + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFfigure,value,unit,definition").contains("\nrequestsHandled,");
    assertThat(csv.body()).isEqualTo(http.send(http.request("/api/reports/service" + PERIOD + "&format=csv", auditor,
        TestUsers.PASSWORD).header("Accept-Language", "en-US,en;q=0.9").GET()).body());

    var bad = cockpit.get(PLUGIN + "?from=2026-02-01&to=2026-01-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"to\"");
  }

  /** Issue 15: the page sends its language; the CSV and the refusals follow it, the JSON does not change. */
  @Test
  void theCsvAndTheRefusalsFollowThePagesLanguage() {
    WebappSession english = new WebappSession(port, "en");
    assertThat(english.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(english.get(PLUGIN + PERIOD + "&format=csv").body()).startsWith("\uFEFFfigure,value,unit,definition");
    var bad = english.get(PLUGIN + "?from=2026-02-01&to=2026-01-01");
    assertThat(bad.body()).contains("must not be before from (2026-02-01)");

    WebappSession chinese = new WebappSession(port, "zh-CN");
    assertThat(chinese.login("cockpit", auditor, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(chinese.get(PLUGIN + PERIOD + "&format=csv").body()).startsWith("\uFEFF指标,数值,单位,定义");
    var refused = chinese.get(PLUGIN + "?from=2026-02-01&to=2026-01-01");
    assertThat(refused.statusCode()).isEqualTo(400);
    assertThat(refused.body()).contains("\"field\":\"to\"", "不能早于开始日期（2026-02-01）", "请求中有字段不正确");
    assertThat(chinese.get(PLUGIN + PERIOD).body()).isEqualTo(english.get(PLUGIN + PERIOD).body());

    var page = chinese.get("/camunda/api/cockpit/plugin/service-kpis/default/page");
    assertThat(page.statusCode()).as(page.body()).isEqualTo(200);
    assertThat(page.body()).contains("\"zone\":\"Asia/Shanghai\"", "\"today\":\"", "\"first-response\":\"首次响应\"",
        "\"full-refund\":\"全额退款\"");
  }

  @Test
  void approversReadTheFiguresStaffAndStrangersDoNot() {
    WebappSession approver = new WebappSession(port);
    assertThat(approver.login("tasklist", director, TestUsers.PASSWORD)).isEqualTo(200);
    assertThat(approver.get(PLUGIN + PERIOD).statusCode()).isEqualTo(200);

    WebappSession staff = new WebappSession(port);
    assertThat(staff.login("tasklist", service, TestUsers.PASSWORD)).isEqualTo(200);
    var refused = staff.get(PLUGIN + PERIOD);
    assertThat(refused.statusCode()).isEqualTo(403);
    assertThat(refused.body()).contains("may not read service reports");

    assertThat(new WebappSession(port).get(PLUGIN + PERIOD).statusCode()).isEqualTo(401);
    // Basic credentials are no way into the webapps' API
    assertThat(http.get(PLUGIN + PERIOD, auditor, TestUsers.PASSWORD).statusCode()).isEqualTo(401);
  }
}
