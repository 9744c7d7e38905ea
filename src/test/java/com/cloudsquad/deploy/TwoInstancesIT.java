package com.cloudsquad.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Two instances on one database, as behind the load balancer with no sticky sessions: a
 * candidate's session, answers and deadline survive the instance that served them, and the
 * deadline job closes an overdue attempt once however many instances run it. Report generation
 * racing on two instances is {@code analysis.ReportsOnTwoInstancesIT}.
 */
class TwoInstancesIT {

    static ConfigurableApplicationContext instance() {
        // the test run's embedded MariaDB (app.embedded-db.dir from failsafe), shared by both
        return new SpringApplicationBuilder(CloudSquadApplication.class)
                .run("--server.port=0", "--app.exam.overdue-check=PT1S");
    }

    static int port(ConfigurableApplicationContext context) {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    @Test
    void aCandidateContinuesOnTheOtherInstanceAndTheDeadlineJobClosesTheAttemptOnce() {
        try (ConfigurableApplicationContext b = instance()) {
            JdbcClient jdbc = b.getBean(JdbcClient.class);
            String base;
            long attemptId;
            Instant deadline;
            String cookie;

            try (ConfigurableApplicationContext a = instance()) {
                WebSession onA = new WebSession(port(a));
                onA.register(WebSession.uniqueEmail("two-instances"), "Tess Twin");
                onA.get("/exams");
                HttpResponse<String> started = onA.post("/exams/SAA-C03/start", Map.of("mode", "READINESS"));
                base = WebSession.attemptBase(started);
                assertThat(base).matches("/attempts/\\d+");
                attemptId = Long.parseLong(base.substring("/attempts/".length()));
                onA.get(base + "/q/1");
                assertThat(onA.post(base + "/q/1/answer", Map.of("choice", "0"), "HX-Request", "true")
                                .statusCode())
                        .isEqualTo(200);
                deadline = deadline(jdbc, attemptId);
                cookie = onA.sessionCookie().orElseThrow();
            } // A stops

            WebSession onB = new WebSession(port(b));
            onB.useSessionCookie(cookie);
            HttpResponse<String> page = onB.get(base + "/q/2");
            assertThat(page.statusCode()).as("still logged in").isEqualTo(200);
            assertThat(page.body()).contains("Tess Twin").containsPattern("1 of \\d+ answered");
            assertThat(onB.post(base + "/q/2/answer", Map.of("choice", "1"), "HX-Request", "true")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(onB.get(base + "/q/2").body()).containsPattern("2 of \\d+ answered");
            assertThat(deadline(jdbc, attemptId)).as("the clock kept running").isEqualTo(deadline);

            // A comes back; the deadline passes while both run their deadline job
            try (ConfigurableApplicationContext again = instance()) {
                jdbc.sql("UPDATE attempt SET deadline_at = ? WHERE id = ?")
                        .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), attemptId)
                        .update();
                await().atMost(Duration.ofMinutes(1)).until(() -> "EXPIRED"
                        .equals(jdbc.sql("SELECT status FROM attempt WHERE id = ?")
                                .param(attemptId)
                                .query(String.class)
                                .single()));
                // every durable listener of AttemptSubmitted (progress) got it once, and handled it
                String event = "%\"attemptId\":" + attemptId + ",%";
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?"
                                                + " AND COMPLETION_DATE IS NULL")
                                        .param(event)
                                        .query(Integer.class)
                                        .single()
                                == 0);
                List<Map<String, Object>> perListener = jdbc.sql(
                                "SELECT LISTENER_ID, COUNT(*) AS deliveries FROM EVENT_PUBLICATION"
                                        + " WHERE SERIALIZED_EVENT LIKE ? GROUP BY LISTENER_ID")
                        .param(event)
                        .query()
                        .listOfRows();
                assertThat(perListener)
                        .extracting(row -> row.get("LISTENER_ID").toString())
                        .anyMatch(id -> id.contains("progress"));
                assertThat(perListener).allSatisfy(row -> assertThat(((Number) row.get("deliveries")).intValue())
                        .isEqualTo(1));
                assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_attempt WHERE attempt_id = ?")
                                .param(attemptId)
                                .query(Integer.class)
                                .single())
                        .isEqualTo(1);
                // and the closed attempt's analysis report is written once (both instances sweep)
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> jdbc.sql(
                                                "SELECT COUNT(*) FROM analysis_report WHERE attempt_id = ? AND status = 'DONE'")
                                        .param(attemptId)
                                        .query(Integer.class)
                                        .single()
                                == 1);
            }
        }
    }

    static Instant deadline(JdbcClient jdbc, long attemptId) {
        return jdbc.sql("SELECT deadline_at FROM attempt WHERE id = ?")
                .param(attemptId)
                .query(Timestamp.class)
                .single()
                .toInstant();
    }
}
