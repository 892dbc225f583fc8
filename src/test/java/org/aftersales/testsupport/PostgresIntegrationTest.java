package org.aftersales.testsupport;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.aftersales.AftersalesApplication;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The real application, its web server on a random port and the {@code postgres} profile
 * against a real PostgreSQL. All classes with this annotation share one context.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(classes = AftersalesApplication.class, webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
        "aftersales.admin.password=" + TestUsers.ADMIN_PASSWORD,
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=1000"
    })
@ActiveProfiles("postgres")
@ContextConfiguration(initializers = PostgresInitializer.class)
@Import(TestBeans.class)
@AutoConfigureObservability(tracing = false)
public @interface PostgresIntegrationTest {
}
