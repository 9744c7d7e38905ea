package com.cloudsquad.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import software.amazon.awssdk.services.bedrockruntime.model.InternalServerException;
import software.amazon.awssdk.services.bedrockruntime.model.ThrottlingException;
import software.amazon.awssdk.services.bedrockruntime.model.ValidationException;

/** Reports written by a (fake) model after each submitted attempt, with retries, fallback and budgets. */
@CloudSquadIntegrationTest
@Import(AnalysisTestConfiguration.class)
class AnalysisReportsIT {

    @Autowired
    ExamScenarios exams;

    @Autowired
    FakeChatModel model;

    @Autowired
    ReportStore store;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    Certification certification;

    @BeforeEach
    void setUp() {
        model.reset();
        certification = exams.certification();
    }

    @AfterEach
    void release() {
        model.release();
    }

    @Autowired
    io.micrometer.core.instrument.MeterRegistry registry;

    /** A counter's or timer's count now ({@code cloudsquad.analysis.reports}, {@code cloudsquad.bedrock.*}). */
    double count(String name, String... tags) {
        var search = registry.find(name).tags(tags);
        if (search.timer() != null) {
            return search.timer().count();
        }
        return search.counter() == null ? 0 : search.counter().count();
    }

    /** Waits until the meter counted {@code by} more than {@code before}: it counts just after the row is stored. */
    void counted(double before, double by, String name, String... tags) {
        await().atMost(Duration.ofSeconds(5)).until(() -> count(name, tags) >= before + by);
        assertThat(count(name, tags)).as(name + " " + List.of(tags)).isEqualTo(before + by);
    }

    ReportStore.StoredReport written(long attemptId) {
        return await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> store.byAttempt(attemptId)
                                .filter(ReportStore.StoredReport::done)
                                .orElse(null),
                        r -> r != null);
    }

    @Test
    void theModelsReportIsStoredWithItsTokensAndOnlyAwsDocumentationLinks() {
        long candidate = exams.candidate("ai");
        double generated = count(AnalysisMetrics.REPORTS, "source", "ai", "outcome", "generated");
        double calls = count(AnalysisMetrics.CALLS, "purpose", "report", "outcome", "success");
        double input = count(AnalysisMetrics.TOKENS, "purpose", "report", "type", "input");
        double output = count(AnalysisMetrics.TOKENS, "purpose", "report", "type", "output");
        long attemptId = exams.submitReadinessTest(candidate, certification, 1);

        ReportStore.StoredReport report = written(attemptId);

        counted(generated, 1, AnalysisMetrics.REPORTS, "source", "ai", "outcome", "generated");
        counted(calls, 1, AnalysisMetrics.CALLS, "purpose", "report", "outcome", "success");
        counted(input, 1200, AnalysisMetrics.TOKENS, "purpose", "report", "type", "input");
        counted(output, 800, AnalysisMetrics.TOKENS, "purpose", "report", "type", "output");

        assertThat(report.source()).isEqualTo(ReportStore.Source.AI);
        assertThat(report.report().readiness()).isEqualTo("AI says: not yet ready.");
        assertThat(report.inputTokens()).isEqualTo(1200);
        assertThat(report.outputTokens()).isEqualTo(800);
        assertThat(report.report().docsToRead())
                .extracting(AnalysisReport.DocLink::url)
                .containsExactly("https://docs.aws.amazon.com/AmazonS3/latest/userguide/Welcome.html");
        assertThat(report.report().studyPlan()).hasSize(7);
    }

    @Test
    void thePromptHoldsThisAttemptsFactsAndNothingOfAnotherCandidate() {
        long other = exams.candidate("other");
        exams.submitReadinessTest(other, certification, 4);
        await().until(() -> model.prompts.size() >= 1);
        model.prompts.clear();
        long candidate = exams.candidate("mine");
        String email = jdbc.sql("SELECT email FROM account WHERE id = ?")
                .param(candidate)
                .query(String.class)
                .single();

        long attemptId = exams.submitReadinessTest(candidate, certification, 1);
        written(attemptId);

        assertThat(model.prompts).hasSize(1);
        String prompt = model.prompts.peek();
        assertThat(prompt)
                .contains("Certification: " + certification.code())
                .contains("Score: 4 of 10 right (40 %)")
                .contains("- Domain 1, weight 40 %: 4 of 4 (100 %)")
                .contains("- Domain 4, weight 10 %: 0 of 1 (0 %)")
                .contains("Domain 2: test x3")
                .contains("Earlier attempts in this certification, oldest first: none")
                .doesNotContain(email)
                .doesNotContain("mine")
                .doesNotContain("which is right?"); // no question text
        // the other candidate's perfect score appears nowhere
        assertThat(prompt).doesNotContain("10 of 10").doesNotContain("100 %)\n- Domain 2, weight 30 %: 3 of 3");
    }

    @Test
    void throttlingIsRetriedAndTheSecondAnswerIsUsed() {
        model.fail(ThrottlingException.builder()
                .statusCode(429)
                .message("slow down")
                .build());
        long attemptId = exams.submitReadinessTest(exams.candidate("throttled"), certification, 2);

        ReportStore.StoredReport report = written(attemptId);

        assertThat(report.source()).isEqualTo(ReportStore.Source.AI);
        assertThat(model.prompts).hasSize(2);
    }

    @Test
    void serverErrorsOnEveryTryEndInTheLabelledFallbackAfterThreeCalls() {
        for (int i = 0; i < 3; i++) {
            model.fail(InternalServerException.builder()
                    .statusCode(500)
                    .message("boom")
                    .build());
        }
        model.answer(FakeChatModel.VALID_REPORT); // never reached
        double failed = count(AnalysisMetrics.REPORTS, "source", "rules", "outcome", "model-failed");
        double errors = count(AnalysisMetrics.CALLS, "purpose", "report", "outcome", "server-error");
        long attemptId = exams.submitReadinessTest(exams.candidate("failing"), certification, 2);

        ReportStore.StoredReport report = written(attemptId);

        counted(failed, 1, AnalysisMetrics.REPORTS, "source", "rules", "outcome", "model-failed");
        counted(errors, 3, AnalysisMetrics.CALLS, "purpose", "report", "outcome", "server-error");

        assertThat(report.source()).isEqualTo(ReportStore.Source.RULES);
        assertThat(report.fallbackReason()).isEqualTo("The AI service did not answer");
        assertThat(model.prompts).hasSize(3);
        assertThat(report.report().weakAreas())
                .extracting(AnalysisReport.WeakArea::area)
                .contains("Domain 3", "Domain 4");
    }

    @Test
    void aRefusedRequestIsNotRetried() {
        model.fail(ValidationException.builder()
                .statusCode(400)
                .message("bad model id")
                .build());
        long attemptId = exams.submitReadinessTest(exams.candidate("refused"), certification, 2);

        assertThat(written(attemptId).source()).isEqualTo(ReportStore.Source.RULES);
        assertThat(model.prompts).hasSize(1);
    }

    @Test
    void malformedOutputIsRetriedOnceThenTheFallbackWrites() {
        model.answer("Sure! Here is your report: it went well.");
        long first = exams.submitReadinessTest(exams.candidate("malformed-once"), certification, 2);
        assertThat(written(first).source()).isEqualTo(ReportStore.Source.AI);
        assertThat(model.prompts).hasSize(2);

        model.reset();
        model.answer("{\"summary\": \"no plan\"}");
        model.answer("not json");
        double unusable = count(AnalysisMetrics.REPORTS, "source", "rules", "outcome", "output-invalid");
        long second = exams.submitReadinessTest(exams.candidate("malformed-twice"), certification, 2);
        ReportStore.StoredReport report = written(second);
        assertThat(report.source()).isEqualTo(ReportStore.Source.RULES);
        assertThat(report.fallbackReason()).isEqualTo("The AI's answer could not be used");
        assertThat(model.prompts).hasSize(2);
        counted(unusable, 1, AnalysisMetrics.REPORTS, "source", "rules", "outcome", "output-invalid");
    }

    @Test
    void aCandidateOverTheDailyLimitGetsTheFallbackWithoutAModelCall() {
        long candidate = exams.candidate("busy");
        LocalDate today = LocalDate.now(ZoneOffset.UTC);
        for (int i = 0; i < 5; i++) {
            jdbc.sql("""
                            INSERT INTO analysis_report (attempt_id, account_id, certification_id, status, source,
                                                         created_at, usage_day)
                            VALUES (?, ?, ?, 'DONE', 'AI', CURRENT_TIMESTAMP(6), ?)""")
                    .params(-candidate * 10 - i, candidate, certification.id(), today)
                    .update();
        }
        double limited = count(AnalysisMetrics.REPORTS, "source", "rules", "outcome", "candidate-limit");
        long attemptId = exams.submitReadinessTest(candidate, certification, 2);

        ReportStore.StoredReport report = written(attemptId);

        assertThat(report.source()).isEqualTo(ReportStore.Source.RULES);
        assertThat(report.fallbackReason()).isEqualTo("Today's AI analyses for your account are used up");
        counted(limited, 1, AnalysisMetrics.REPORTS, "source", "rules", "outcome", "candidate-limit");
        assertThat(model.prompts).isEmpty();
    }

    @Test
    void theResultsRegionPollsWhilePendingThenShowsTheEscapedReportToItsOwnerOnly() {
        WebSession owner = new WebSession(port);
        String email = WebSession.uniqueEmail("owner");
        owner.register(email, "Owner");
        long candidate = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
        model.hold();
        long attemptId = exams.submitReadinessTest(candidate, certification, 1);
        String region = "/analysis/attempts/" + attemptId + "/report";

        HttpResponse<String> pending = owner.get(region, "HX-Request", "true");
        assertThat(pending.statusCode()).isEqualTo(200);
        assertThat(pending.body()).contains("Your analysis is being written…").contains("hx-trigger=\"load delay:2s\"");

        model.release();
        written(attemptId);
        HttpResponse<String> done = owner.get(region, "HX-Request", "true");
        assertThat(done.body())
                .doesNotContain("hx-trigger")
                .contains("AI says: not yet ready.")
                .contains("weak in Domain 4 &lt;b&gt;bold&lt;/b&gt;.")
                .doesNotContain("evil.example");

        WebSession stranger = new WebSession(port);
        stranger.register(WebSession.uniqueEmail("stranger"), "Stranger");
        assertThat(stranger.get(region, "HX-Request", "true").statusCode()).isEqualTo(404);
        assertThat(stranger.get("/analysis/attempts/" + attemptId + "/report.pdf")
                        .statusCode())
                .isEqualTo(404);

        HttpResponse<String> page = owner.get("/analysis/attempts/" + attemptId);
        assertThat(page.body()).contains("Download PDF").contains("AI says: not yet ready.");
    }

    @Autowired
    AttemptFacts facts;

    @Autowired
    FallbackAnalyst fallback;

    @Autowired
    AnalysisModel analysisModel;

    @Autowired
    AnalysisProperties properties;

    @Autowired
    java.time.Clock clock;

    @Autowired
    AnalysisMetrics metrics;

    /**
     * Another instance (a second writer with its own identity on the same database) finds the
     * report claimed while the first one is writing it, and done afterwards: the model is asked once.
     */
    @Test
    void aSecondInstanceNeverWritesAReportTheFirstHasClaimed() {
        ReportWriter otherInstance =
                new ReportWriter(store, facts, analysisModel, fallback, properties, clock, duration -> {}, metrics);
        model.hold();
        long attemptId = exams.submitReadinessTest(exams.candidate("claimed"), certification, 2);
        await().atMost(Duration.ofSeconds(20)).until(() -> model.prompts.size() == 1);
        long reportId = store.byAttempt(attemptId).orElseThrow().id();

        assertThat(otherInstance.write(reportId)).isFalse();
        assertThat(otherInstance.writePending()).isZero();

        model.release();
        assertThat(written(attemptId).source()).isEqualTo(ReportStore.Source.AI);
        assertThat(otherInstance.write(reportId)).isFalse();
        assertThat(model.prompts).hasSize(1);
    }

    @Test
    void ofManyInstancesClaimingOneReportAtOnceExactlyOneWins() throws Exception {
        long attemptId = -System.nanoTime(); // a row of its own: no attempt behind it, never written
        assertThat(store.insertPending(attemptId, 1, certification.id())).isTrue();
        assertThat(store.insertPending(attemptId, 1, certification.id())).isFalse(); // a redelivered event
        long reportId = store.byAttempt(attemptId).orElseThrow().id();
        int instances = 8;
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(instances);
        try {
            List<java.util.concurrent.Future<Boolean>> claims = new java.util.ArrayList<>();
            for (int i = 0; i < instances; i++) {
                String instance = "instance-" + i;
                claims.add(pool.submit(() -> {
                    start.await();
                    return store.claim(reportId, instance, Duration.ofMinutes(5));
                }));
            }
            start.countDown();
            int won = 0;
            for (var claim : claims) {
                won += claim.get() ? 1 : 0;
            }
            String holder = jdbc.sql("SELECT claimed_by FROM analysis_report WHERE id = ?")
                    .param(reportId)
                    .query(String.class)
                    .single();
            // this instance's own sweep may have claimed the row first: then none of the eight wins
            int sweep = holder.startsWith("instance-") ? 0 : 1;
            assertThat(won + sweep).isEqualTo(1);
        } finally {
            pool.shutdownNow();
            jdbc.sql("DELETE FROM analysis_report WHERE id = ?").param(reportId).update();
        }
    }
}
