package com.cloudsquad.observability;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The app's own meters after what a candidate does over HTTP: a started test, its submission, and
 * the report written for it (here without Bedrock, so by the rules).
 */
@CloudSquadIntegrationTest
class MetricsIT {

    @Autowired
    MeterRegistry registry;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    double count(String name, String... tags) {
        Counter counter = registry.find(name).tags(tags).counter();
        return counter == null ? 0 : counter.count();
    }

    @Test
    void aStartedAndSubmittedTestAndItsReportAreCountedOnce() {
        WebSession candidate = new WebSession(port);
        candidate.register(WebSession.uniqueEmail("metrics"), "Mia Metrics");
        double started = count(AttemptMetrics.STARTED, "mode", "readiness");
        double submitted = count(AttemptMetrics.SUBMITTED, "mode", "readiness", "by", "candidate");
        double reports = count("cloudsquad.analysis.reports", "source", "rules", "outcome", "bedrock-off");

        candidate.get("/exams");
        String base = WebSession.attemptBase(candidate.post("/exams/SAA-C03/start", Map.of("mode", "READINESS")));
        assertThat(base).matches("/attempts/\\d+");
        assertThat(count(AttemptMetrics.STARTED, "mode", "readiness")).isEqualTo(started + 1);
        // a plain event: no module listens to it durably, so no publication row is written
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE EVENT_TYPE LIKE '%AttemptStarted'")
                        .query(Integer.class)
                        .single())
                .isZero();

        // a second start of a timed test resumes the open attempt: not counted again
        candidate.get("/exams");
        assertThat(WebSession.location(candidate.post("/exams/SAA-C03/start", Map.of("mode", "READINESS"))))
                .startsWith(base);
        assertThat(count(AttemptMetrics.STARTED, "mode", "readiness")).isEqualTo(started + 1);

        io.micrometer.core.instrument.DistributionSummary questionCpu = registry.find("cloudsquad.http.server.cpu")
                .tags("method", "GET", "uri", "/attempts/{id}/q/{position}")
                .summary();
        long questionPages = questionCpu == null ? 0 : questionCpu.count();
        candidate.get(base + "/q/1");
        // each request's CPU time, per route pattern (never the ids in the path): what a page costs
        questionCpu = registry.find("cloudsquad.http.server.cpu")
                .tags("method", "GET", "uri", "/attempts/{id}/q/{position}")
                .summary();
        assertThat(questionCpu).isNotNull();
        assertThat(questionCpu.count()).isEqualTo(questionPages + 1);
        assertThat(questionCpu.totalAmount()).isPositive();
        assertThat(registry.find("cloudsquad.http.server.cpu")
                        .tag("uri", base + "/q/1")
                        .summary())
                .isNull();
        assertThat(WebSession.location(candidate.post(base + "/submit", Map.of())))
                .isEqualTo(base + "/results");
        assertThat(count(AttemptMetrics.SUBMITTED, "mode", "readiness", "by", "candidate"))
                .isEqualTo(submitted + 1);

        long attemptId = Long.parseLong(base.substring("/attempts/".length()));
        await().atMost(Duration.ofSeconds(20))
                .until(() -> jdbc.sql("SELECT COUNT(*) FROM analysis_report WHERE attempt_id = ? AND status = 'DONE'")
                                .param(attemptId)
                                .query(Integer.class)
                                .single()
                        == 1);
        // another test's report may be stored at the same moment: at least this one was counted
        await().atMost(Duration.ofSeconds(5))
                .until(() -> count("cloudsquad.analysis.reports", "source", "rules", "outcome", "bedrock-off")
                        >= reports + 1);
    }
}
