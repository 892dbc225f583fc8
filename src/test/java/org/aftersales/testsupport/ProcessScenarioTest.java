package org.aftersales.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.aftersales.AftersalesApplication;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * Scenario tests of the models with the real delegates on an in-memory H2 engine. No job
 * executor and no outbox background sending: a test executes jobs, moves the engine clock
 * and sends the outbox itself, step by step. All classes with this annotation share one
 * context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AftersalesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.MOCK,
    properties = {
        "aftersales.admin.password=" + TestUsers.ADMIN_PASSWORD,
        "spring.datasource.url=jdbc:h2:mem:scenarios;DB_CLOSE_DELAY=-1;LOCK_TIMEOUT=10000",
        "camunda.bpm.job-execution.enabled=false",
        "aftersales.outbox.poller-enabled=false",
        "aftersales.outbox.dispatch-after-commit=false"
    })
public @interface ProcessScenarioTest {
}
