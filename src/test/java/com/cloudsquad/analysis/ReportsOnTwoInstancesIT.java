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
            ExamScenarios examsOnA = a.getBean(ExamScenarios.class);
            ExamScenarios examsOnB = b.getBean(ExamScenarios.class);
            Certification certification = examsOnA.certification();
            // attempts submitted on both: each instance's listener hands its reports to its own
            // pool at once while both sweeps (every 100 ms) claim whatever is pending
            List<Long> attempts = new ArrayList<>();
            for (int i = 0; i < 6; i++) {
                ExamScenarios exams = i % 2 == 0 ? examsOnA : examsOnB;
                attempts.add(exams.submitReadinessTest(exams.candidate("twin-" + i), certification, 1 + i % 4));
            }
            JdbcClient jdbc = a.getBean(JdbcClient.class);
            String inAttempts = joined(attempts);
            await().atMost(Duration.ofSeconds(60))
                    .until(() ->
                            jdbc.sql("SELECT COUNT(*) FROM analysis_report WHERE status = 'DONE' AND attempt_id IN ("
                                                    + inAttempts + ")")
                                            .query(Integer.class)
                                            .single()
                                    == 6);
            List<Map<String, Object>> reports = jdbc.sql("SELECT attempt_id, source, model_calls FROM analysis_report"
                            + " WHERE attempt_id IN (" + inAttempts + ")")
                    .query()
                    .listOfRows();
            assertThat(reports).hasSize(6).allSatisfy(row -> {
                assertThat(row.get("source")).isEqualTo("AI");
                assertThat(((Number) row.get("model_calls")).intValue()).isEqualTo(1);
            });
            assertThat(modelOnA.prompts.size() + modelOnB.prompts.size())
                    .as("model calls on both instances together")
                    .isEqualTo(6);
        }
    }
}
