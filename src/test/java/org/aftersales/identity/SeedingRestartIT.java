package org.aftersales.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.aftersales.AftersalesApplication;
import org.aftersales.identity.AdminPasswordCheck.MissingAdminPasswordException;
import org.aftersales.testsupport.EmbeddedPostgresSupport;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.FilterService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/** Start-up on a real PostgreSQL: schema, seeding, a restart, and the admin password rule. */
class SeedingRestartIT {

  @Test
  void seedingTwiceOnOneDatabaseNeitherDuplicatesNorFails() {
    String url = EmbeddedPostgresSupport.createDatabase("restart_seed");

    Map<String, Long> first;
    try (ConfigurableApplicationContext context = start(url, "postgres", "demo")) {
      first = counts(context.getBean(ProcessEngine.class));
      assertSchemaAndSeed(context);
    }
    try (ConfigurableApplicationContext context = start(url, "postgres", "demo")) {
      Map<String, Long> second = counts(context.getBean(ProcessEngine.class));
      assertThat(second).isEqualTo(first);
      assertSchemaAndSeed(context);
    }
  }

  @Test
  void refusesToStartWithoutAnAdminPasswordOutsideDemo() {
    String url = EmbeddedPostgresSupport.createDatabase("no_password");
    assertThatThrownBy(() -> new SpringApplicationBuilder(AftersalesApplication.class)
            .profiles("postgres")
            .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
                "--spring.datasource.password=postgres", "--aftersales.admin.password="))
        .isInstanceOf(MissingAdminPasswordException.class)
        .hasMessageContaining("AFTERSALES_ADMIN_PASSWORD");
    assertThatThrownBy(() -> new SpringApplicationBuilder(AftersalesApplication.class)
            .profiles("postgres")
            .run("--server.port=0", "--spring.datasource.url=" + url, "--aftersales.admin.password=short"))
        .isInstanceOf(MissingAdminPasswordException.class)
        .hasMessageContaining("shorter than 8");
  }

  /** Issue 14: the demo on data an earlier start without it set up stops and says what to do, no silent lockout. */
  @Test
  void theDemoOnAnotherProfilesDataStopsAndSaysWhatToDo() {
    String url = EmbeddedPostgresSupport.createDatabase("demo_switch");
    try (ConfigurableApplicationContext context = new SpringApplicationBuilder(AftersalesApplication.class)
        .profiles("postgres")
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--camunda.bpm.job-execution.enabled=false",
            "--aftersales.admin.password=chosen-secret-1")) {
      assertThat(context.getBean(ProcessEngine.class).getIdentityService().checkPassword("admin", "chosen-secret-1"))
          .isTrue();
    }
    assertThatThrownBy(() -> start(url, "postgres", "demo"))
        .isInstanceOf(StartRefusedException.class)
        .hasMessageContaining("without the demo profile")
        .satisfies(e -> assertThat(((StartRefusedException) e).action()).contains("database of its own"));
  }

  private static void assertSchemaAndSeed(ConfigurableApplicationContext context) {
    ProcessEngine engine = context.getBean(ProcessEngine.class);
    IdentityService identity = engine.getIdentityService();
    AuthorizationService authorizations = engine.getAuthorizationService();

    List<String> groups = identity.createGroupQuery().list().stream().map(Group::getId).toList();
    assertThat(groups).containsAll(StaffGroup.ids()).contains(StaffGroup.AUDITORS, StaffGroup.ADMINS);
    assertThat(identity.checkPassword("admin", "demo")).isTrue();
    assertThat(identity.checkPassword("lead", "demo")).isTrue();
    assertThat(identity.createGroupQuery().groupMember("lead").list()).extracting(Group::getId)
        .containsExactlyInAnyOrder("approver-lead", "customer-service");

    List<String> service = List.of("customer-service");
    List<String> auditors = List.of(StaffGroup.AUDITORS);
    assertThat(authorizations.isUserAuthorized("service", service, Permissions.ACCESS, Resources.APPLICATION, "tasklist")).isTrue();
    assertThat(authorizations.isUserAuthorized("service", service, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isFalse();
    assertThat(authorizations.isUserAuthorized("service", service, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("service", service, Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizations.isUserAuthorized("auditor", auditors, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    List<String> leads = List.of(StaffGroup.APPROVER_LEAD.id());
    assertThat(authorizations.isUserAuthorized("lead", leads, Permissions.ACCESS, Resources.APPLICATION, "cockpit")).isTrue();
    assertThat(authorizations.isUserAuthorized("lead", leads, Permissions.READ, Resources.PROCESS_INSTANCE)).isFalse();
    assertThat(authorizations.isUserAuthorized("auditor", auditors, Permissions.ACCESS, Resources.APPLICATION, "admin")).isFalse();
    assertThat(authorizations.isUserAuthorized("auditor", auditors, Permissions.CREATE, Resources.DEPLOYMENT)).isFalse();
    assertThat(authorizations.isUserAuthorized("auditor", auditors, Permissions.DELETE, Resources.PROCESS_INSTANCE)).isFalse();
    assertThat(authorizations.isUserAuthorized("admin", List.of(StaffGroup.ADMINS), Permissions.CREATE, Resources.DEPLOYMENT)).isTrue();

    FilterService filters = engine.getFilterService();
    assertThat(filters.createFilterQuery().filterName("Customer service — group queue").count()).isEqualTo(1);
    assertThat(filters.createFilterQuery().filterName("Customer service — overdue").count()).isEqualTo(1);
    assertThat(filters.createFilterQuery().filterName("My tasks").filterOwner("service").count()).isEqualTo(1);
  }

  private static Map<String, Long> counts(ProcessEngine engine) {
    return Map.of(
        "groups", engine.getIdentityService().createGroupQuery().count(),
        "users", engine.getIdentityService().createUserQuery().count(),
        "authorizations", engine.getAuthorizationService().createAuthorizationQuery().count(),
        "filters", engine.getFilterService().createFilterQuery().count());
  }

  private static ConfigurableApplicationContext start(String url, String... profiles) {
    return new SpringApplicationBuilder(AftersalesApplication.class)
        .profiles(profiles)
        .run("--server.port=0", "--spring.datasource.url=" + url, "--spring.datasource.username=postgres",
            "--spring.datasource.password=postgres", "--camunda.bpm.job-execution.enabled=false");
  }
}
