package com.cloudsquad.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.junit.jupiter.SpringJUnitConfig;

/**
 * Two whole instances on one database, as {@code deploy.TwoInstancesIT} starts them, both with the
 * model path (a fake chat model each) and both sweeping for pending reports every 100 ms: every
 * report is written exactly once, by one model call, whichever instance wins the claim.
 */
@SpringJUnitConfig(ReportsOnTwoInstancesIT.NoBeans.class)
class ReportsOnTwoInstancesIT {

    /**
     * An empty test context. Loading it pauses the contexts earlier test classes left in the test
     * context cache (Spring stops their schedulers on a context switch), whose report sweeps would
     * otherwise be a third and a fourth instance on the same database, with models of their own.
     */
    @Configuration(proxyBeanMethods = false)
    static class NoBeans {}

    static ConfigurableApplicationContext instance() {
        // the test run's embedded MariaDB (app.embedded-db.dir from failsafe), shared by both
        return new SpringApplicationBuilder(CloudSquadApplication.class, AnalysisTestConfiguration.class)
                .run("--server.port=0", "--app.analysis.poll-interval=PT0.1S");
    }

    static String joined(List<Long> ids) {
        return String.join(",", ids.stream().map(String::valueOf).toList());
    }

    @Test
    void everyReportIsWrittenOnceByOneModelCallWhileBothInstancesRaceToClaimThem() {
        try (ConfigurableApplicationContext a = instance();
                ConfigurableApplicationContext b = instance()) {
            FakeChatModel modelOnA = a.getBean(FakeChatModel.class);
            FakeChatModel modelOnB = b.getBean(FakeChatModel.class);
            modelOnA.reset();
            modelOnB.reset();
            ExamScenarios exams = a.getBean(ExamScenarios.class);
            Certification certification = exams.certification();
            // A's writers (two pool threads and its sweep) each stop in the held model with the
            // report they claimed, so of five attempts submitted on A, B must claim at least two.
            modelOnA.hold();
            List<Long> attempts = new ArrayList<>();
            try {
                for (int i = 0; i < 5; i++) {
                    attempts.add(exams.submitReadinessTest(exams.candidate("twin-" + i), certification, 1 + i % 4));
                }
                JdbcClient jdbc = a.getBean(JdbcClient.class);
                await().atMost(Duration.ofSeconds(60))
                        .untilAsserted(() -> assertThat(modelOnA.prompts.size() + modelOnB.prompts.size())
                                .as(() -> "model calls: %d on A, %d on B; reports: %s"
                                        .formatted(
                                                modelOnA.prompts.size(),
                                                modelOnB.prompts.size(),
                                                jdbc.sql("SELECT attempt_id, status, claimed_by FROM analysis_report"
                                                                + " WHERE account_id IN (SELECT account_id FROM attempt"
                                                                + " WHERE id IN (" + joined(attempts) + "))")
                                                        .query()
                                                        .listOfRows()))
                                .isEqualTo(5));
                assertThat(modelOnB.prompts).as("reports B claimed").hasSizeGreaterThanOrEqualTo(2);
            } finally {
                modelOnA.release();
            }

            JdbcClient jdbc = a.getBean(JdbcClient.class);
            String inAttempts =
                    String.join(",", attempts.stream().map(String::valueOf).toList());
            await().atMost(Duration.ofSeconds(30))
                    .until(() ->
                            jdbc.sql("SELECT COUNT(*) FROM analysis_report WHERE status = 'DONE' AND attempt_id IN ("
                                                    + inAttempts + ")")
                                            .query(Integer.class)
                                            .single()
                                    == 5);
            List<Map<String, Object>> reports = jdbc.sql("SELECT attempt_id, source, model_calls FROM analysis_report"
                            + " WHERE attempt_id IN (" + inAttempts + ")")
                    .query()
                    .listOfRows();
            assertThat(reports).hasSize(5).allSatisfy(row -> {
                assertThat(row.get("source")).isEqualTo("AI");
                assertThat(((Number) row.get("model_calls")).intValue()).isEqualTo(1);
            });
            assertThat(modelOnA.prompts.size() + modelOnB.prompts.size())
                    .as("model calls on both instances together")
                    .isEqualTo(5);
        }
    }
}
