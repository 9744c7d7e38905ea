package com.cloudsquad.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;

/**
 * The whole application on the embedded MariaDB of the test run, on a random port. Every
 * integration test uses exactly this, so they all share one Spring context. The clock is a
 * {@link TestClock} that tests may move.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "app.admin-emails=" + CloudSquadIntegrationTest.ADMIN_EMAIL + ",journey-"
                + CloudSquadIntegrationTest.ADMIN_EMAIL + "," + CloudSquadIntegrationTest.UNPROVEN_ADMIN_EMAIL)
@AutoConfigureMockMvc
@Import(TestClockConfiguration.class)
public @interface CloudSquadIntegrationTest {

    String ADMIN_EMAIL = "admin@cloudsquad.test";

    /** Listed as admin too, for the test that shows the listing alone grants nothing. */
    String UNPROVEN_ADMIN_EMAIL = "boss@cloudsquad.test";
}
