package com.cloudsquad.analysis;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionFilter;
import com.cloudsquad.bank.QuestionStatus;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.exam.ExamScenarios;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/** The admin page: usage with an estimated cost, and AI-drafted questions entering the bank as drafts. */
@CloudSquadIntegrationTest
@Import(AnalysisTestConfiguration.class)
class AdminAnalysisIT {

    @Autowired
    ExamScenarios exams;

    @Autowired
    FakeChatModel model;

    @Autowired
    QuestionBank bank;

    @LocalServerPort
    int port;

    WebSession admin;

    @BeforeEach
    void logIn() {
        model.reset();
        admin = new WebSession(port);
        String email = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL;
        admin.register(email, "Admin", WebSession.PASSWORD);
        admin.logIn(email, WebSession.PASSWORD);
        assertThat(admin.get("/admin/analysis").body()).contains("data-testid=\"draft-form\""); // and its CSRF token
    }

    static String drafts(String existingStem) {
        return """
                [{"stem": "A company must encrypt objects in Amazon S3 with keys it rotates yearly. Which option needs the least effort?",
                  "options": [{"text": "SSE-KMS with automatic key rotation", "correct": true, "explanation": "KMS rotates yearly."},
                              {"text": "SSE-C with keys kept on premises", "correct": false, "explanation": "The customer rotates."},
                              {"text": "Client-side encryption", "correct": false, "explanation": "More effort."},
                              {"text": "No encryption", "correct": false, "explanation": "Not compliant."}],
                  "explanation": "KMS handles rotation.",
                  "references": ["https://docs.aws.amazon.com/kms/latest/developerguide/rotate-keys.html", "https://evil.example/x"],
                  "tags": ["KMS", "s3"]},
                 {"stem": "%s",
                  "options": [{"text": "Right", "correct": true, "explanation": "Yes."},
                              {"text": "Wrong", "correct": false, "explanation": "No."}],
                  "explanation": "Copy.", "references": [], "tags": ["test"]},
                 {"stem": "Only one option here?",
                  "options": [{"text": "Lonely", "correct": true, "explanation": "Alone."}],
                  "explanation": "Too few options.", "references": [], "tags": []}]""".formatted(existingStem);
    }

    @Test
    void draftedQuestionsEnterTheBankAsDraftsTaggedAiDraftedWithNearDuplicatesFlagged() {
        Certification certification = exams.certification();
        long domainId = certification.domains().get(0).id();
        String existing = "Question 1 of " + certification.code() + ": which is right?";
        model.answer(drafts(existing));

        HttpResponse<String> page = admin.post(
                "/admin/analysis/drafts",
                Map.of(
                        "domainId",
                        String.valueOf(domainId),
                        "difficulty",
                        "2",
                        "count",
                        "3",
                        "topic",
                        "S3 encryption"));

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("A company must encrypt objects in Amazon S3")
                .contains("close to an existing question")
                .contains("Not stored:");
        var drafts = bank.search(new QuestionFilter(
                null, certification.id(), domainId, null, QuestionStatus.DRAFT, "ai-drafted", "id", 0, 50));
        assertThat(drafts.rows()).hasSize(2);
        var first = bank.find(drafts.rows().get(0).id()).orElseThrow();
        assertThat(first.status()).isEqualTo(QuestionStatus.DRAFT);
        assertThat(bank.search(new QuestionFilter(
                                null, certification.id(), domainId, null, null, "near-duplicate", "id", 0, 50))
                        .rows())
                .hasSize(1);
        assertThat(model.prompts.peek()).contains("Domain: Domain 1").contains("Topic: S3 encryption");

        HttpResponse<String> usage = admin.get("/admin/analysis");
        assertThat(usage.body()).contains("data-testid=\"usage-table\"").contains("Estimated cost");
    }

    @Test
    void moreThanTenQuestionsIsRefusedNextToTheField() {
        Certification certification = exams.certification();
        HttpResponse<String> page = admin.post(
                "/admin/analysis/drafts",
                Map.of(
                        "domainId",
                        String.valueOf(certification.domains().get(0).id()),
                        "difficulty",
                        "2",
                        "count",
                        "11",
                        "topic",
                        ""));

        assertThat(page.body()).contains("At most 10 questions at a time.");
        assertThat(model.prompts).isEmpty();
    }
}
