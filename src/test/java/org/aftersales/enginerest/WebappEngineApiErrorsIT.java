package org.aftersales.enginerest;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import org.aftersales.testsupport.PostgresIntegrationTest;
import org.aftersales.testsupport.TestUsers;
import org.aftersales.testsupport.WebappSession;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The webapps' engine API ({@code /camunda/api/engine}) is engine-rest again in a Jersey
 * application of its own: the client's mistakes answer 4xx there too.
 */
@PostgresIntegrationTest
class WebappEngineApiErrorsIT {

  private static final String ENGINE = "/camunda/api/engine/engine/default";

  @LocalServerPort int port;

  @Test
  void anUnknownJobAndAMissingFieldAnswer4xx() {
    WebappSession cockpit = new WebappSession(port);
    assertThat(cockpit.login("cockpit", TestUsers.ADMIN, TestUsers.ADMIN_PASSWORD)).isEqualTo(200);

    HttpResponse<String> unknownJob = cockpit.putJson(ENGINE + "/job/no-such-job/duedate", "{\"duedate\": null}");
    assertThat(unknownJob.statusCode()).as(unknownJob.body()).isEqualTo(404);
    assertThat(unknownJob.body()).contains("no-such-job");

    HttpResponse<String> noRetries = cockpit.putJson(ENGINE + "/job/no-such-job/retries", "{}");
    assertThat(noRetries.statusCode()).as(noRetries.body()).isEqualTo(400);
    assertThat(noRetries.body()).contains("retries");
  }
}
