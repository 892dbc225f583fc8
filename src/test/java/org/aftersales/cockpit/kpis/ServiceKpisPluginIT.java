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

    var csv = cockpit.get(PLUGIN + PERIOD + "&format=csv");
    assertThat(csv.statusCode()).isEqualTo(200);
    assertThat(csv.headers().firstValue("Content-Type").orElse("")).startsWith("text/csv");
    assertThat(csv.body()).startsWith("\uFEFFfigure,value,unit,definition").contains("\nrequestsHandled,");
    assertThat(csv.body()).isEqualTo(http.get("/api/reports/service" + PERIOD + "&format=csv", auditor,
        TestUsers.PASSWORD).body());

    var bad = cockpit.get(PLUGIN + "?from=2026-02-01&to=2026-01-01");
    assertThat(bad.statusCode()).isEqualTo(400);
    assertThat(bad.body()).contains("\"field\":\"to\"");
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
