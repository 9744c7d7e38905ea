package com.cloudsquad.analysis;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The app as `./mvnw spring-boot:run` starts it: no Bedrock, so the rule-based analyst writes every report. */
@CloudSquadIntegrationTest
class AnalysisWithoutBedrockIT {

    @Autowired
    ExamScenarios exams;

    @Autowired
    ReportStore store;

    @Autowired
    AnalysisModel model;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Test
    void withoutBedrockTheLabelledFallbackIsWrittenAndDownloadsAsPdf() throws Exception {
        assertThat(model.available()).isFalse();
        Certification certification = exams.certification();
        WebSession owner = new WebSession(port);
        String email = WebSession.uniqueEmail("fallback");
        owner.register(email, "Fallback");
        long candidate = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
        long earlier = exams.submitReadinessTest(candidate, certification, 3);
        long attemptId = exams.submitReadinessTest(candidate, certification, 1);

        ReportStore.StoredReport report = await().atMost(Duration.ofSeconds(20))
                .until(
                        () -> store.byAttempt(attemptId)
                                .filter(ReportStore.StoredReport::done)
                                .orElse(null),
                        r -> r != null);

        assertThat(report.source()).isEqualTo(ReportStore.Source.RULES);
        assertThat(report.fallbackReason()).isEqualTo("AI analysis is not configured on this server");
        assertThat(report.inputTokens()).isZero();
        AnalysisReport r = report.report();
        assertThat(r.weakAreas())
                .extracting(AnalysisReport.WeakArea::area)
                .containsExactly("Domain 2", "Domain 3", "Domain 4");
        assertThat(r.weakAreas().get(0).reason()).contains("0 of 3 right").contains("test (3)");
        assertThat(r.strengths()).containsExactly("Domain 1: 4 of 4 right (100 %)");
        assertThat(r.studyPlan()).hasSize(7).allSatisfy(d -> assertThat(d.actions())
                .isNotEmpty());
        assertThat(r.summary())
                .contains("4 of 10")
                .contains("previous attempt (90 %)")
                .contains("50 points lower");
        assertThat(r.docsToRead())
                .allSatisfy(d -> assertThat(AwsDocs.isAwsDocumentation(d.url())).isTrue());
        assertThat(store.byAttempt(earlier)).isPresent();

        HttpResponse<String> region = owner.get("/analysis/attempts/" + attemptId + "/report", "HX-Request", "true");
        assertThat(region.body())
                .contains("Written without AI")
                .contains("AI analysis is not configured on this server");

        HttpResponse<String> results = owner.get("/attempts/" + attemptId + "/results");
        assertThat(results.body())
                .contains("Your analysis is being written…")
                .contains("hx-get=\"/analysis/attempts/" + attemptId + "/report\"");

        HttpResponse<byte[]> pdf = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(java.net.URI.create(
                                        "http://localhost:" + port + "/analysis/attempts/" + attemptId + "/report.pdf"))
                                .header(
                                        "Cookie",
                                        WebSession.SESSION_COOKIE + "="
                                                + owner.sessionCookie().orElseThrow())
                                .build(),
                        HttpResponse.BodyHandlers.ofByteArray());
        assertThat(pdf.statusCode()).isEqualTo(200);
        assertThat(pdf.headers().firstValue("Content-Type")).hasValue("application/pdf");
        assertThat(new String(pdf.body(), 0, 5, java.nio.charset.StandardCharsets.US_ASCII))
                .isEqualTo("%PDF-");
    }

    @Test
    void withoutBedrockTheDraftPageSaysWhyItIsUnavailable() {
        WebSession admin = new WebSession(port);
        String email = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;
        admin.register(email, "Admin", WebSession.PASSWORD);
        admin.logIn(email, WebSession.PASSWORD);

        HttpResponse<String> page = admin.get("/admin/analysis");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("Not available: Bedrock is not configured on this server")
                .contains("Bedrock is off")
                .doesNotContain("data-testid=\"draft-form\"");
    }
}
