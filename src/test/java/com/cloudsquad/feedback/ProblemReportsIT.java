package com.cloudsquad.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionContent;
import com.cloudsquad.bank.QuestionDetail;
import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptRecords;
import com.cloudsquad.exam.AttemptRecords.AnsweredQuestion;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.feedback.FeedbackFixture.Candidate;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Problem reports over real HTTP: what may be reported, the version recorded, merging, the admin queue. */
@CloudSquadIntegrationTest
class ProblemReportsIT {

    static final String[] HTMX = {"HX-Request", "true"};

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    AttemptRecords records;

    @Autowired
    QuestionBank bank;

    @Autowired
    FeedbackCounts counts;

    static ExamDriver exam;

    FeedbackFixture fixture;

    @BeforeEach
    void setUp() {
        if (exam == null) {
            exam = ExamDriver.create(context, 12);
        }
        fixture = new FeedbackFixture(port, jdbc, exam);
    }

    static Map<String, String> report(long attemptId, int position, String reason, String comment) {
        return Map.of(
                "attemptId",
                String.valueOf(attemptId),
                "position",
                String.valueOf(position),
                "reason",
                reason,
                "comment",
                comment);
    }

    AnsweredQuestion at(long attemptId, int position) {
        return records.answers(attemptId).stream()
                .filter(q -> q.position() == position)
                .findFirst()
                .orElseThrow();
    }

    long reports(long accountId) {
        return jdbc.sql("SELECT COUNT(*) FROM problem_report WHERE account_id = ?")
                .param(accountId)
                .query(Long.class)
                .single();
    }

    Map<String, Object> reportRow(long accountId) {
        return jdbc.sql(
                        "SELECT id, version_id, reason, comment, submissions, status FROM problem_report WHERE account_id = ?")
                .param(accountId)
                .query()
                .singleRow();
    }

    /** A new version of the question (stem revised), as an admin's edit makes. */
    void revise(long questionId) {
        QuestionDetail detail = bank.find(questionId).orElseThrow();
        QuestionContent c = detail.content();
        bank.save(
                questionId,
                new QuestionContent(
                        c.domainId(),
                        c.difficulty(),
                        c.title(),
                        c.stem() + " (revised)",
                        c.options(),
                        c.explanation(),
                        c.references(),
                        c.tags(),
                        c.imageKey(),
                        c.format()),
                null,
                detail.lockVersion(),
                "test");
    }

    @Test
    void aReportFromTheAnswerReviewRecordsTheVersionSeenAndASecondOneIsMerged() {
        Candidate alice = fixture.tested("Alice");
        long attempt = exam.take(alice.id(), AttemptMode.READINESS, p -> false);
        AnsweredQuestion seen = at(attempt, 2);
        long openBefore = counts.openProblemReports();

        String results =
                alice.web().get("/attempts/" + attempt + "/results?show=all").body();
        assertThat(results).contains("data-testid=\"report-problem\"", "What is wrong with question 2?");
        // the question changes after the candidate saw it: the report still names what they saw
        revise(seen.questionId());

        HttpResponse<String> sent =
                alice.web().post("/reports", report(attempt, 2, "WRONG_KEY", "B is right, not C."), HTMX);

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(sent.body())
                .contains("data-testid=\"report-sent\"", "Thank you: your report on question 2 is sent.")
                .doesNotContain("<html");
        Map<String, Object> row = reportRow(alice.id());
        assertThat(((Number) row.get("version_id")).longValue()).isEqualTo(seen.versionId());
        assertThat(bank.find(seen.questionId()).orElseThrow().current().id()).isNotEqualTo(seen.versionId());
        assertThat(counts.openProblemReports()).isEqualTo(openBefore + 1);

        HttpResponse<String> again =
                alice.web().post("/reports", report(attempt, 2, "TYPO", "Also a typo in option D."), HTMX);

        assertThat(again.body()).contains("You had reported this version of question 2 before");
        assertThat(reports(alice.id())).isEqualTo(1);
        Map<String, Object> merged = reportRow(alice.id());
        assertThat(merged.get("reason")).isEqualTo("TYPO");
        assertThat(merged.get("comment")).isEqualTo("Also a typo in option D.");
        assertThat(((Number) merged.get("submissions")).intValue()).isEqualTo(2);
        assertThat(counts.openProblemReports()).isEqualTo(openBefore + 1);
    }

    @Test
    void aCandidateCannotReportAQuestionTheyDidNotSeeWithItsAnswer() {
        Candidate alice = fixture.tested("Alice");
        Candidate bob = fixture.tested("Bob");
        long alicesAttempt = exam.take(alice.id(), AttemptMode.READINESS, p -> true);
        bob.web().get("/reports/mine");
        alice.web().get("/reports/mine");

        assertThat(bob.web()
                        .post("/reports", report(alicesAttempt, 1, "TYPO", "Not mine."), HTMX)
                        .statusCode())
                .as("another candidate's attempt")
                .isEqualTo(404);
        assertThat(alice.web()
                        .post("/reports", report(alicesAttempt, 99, "TYPO", "No such question."), HTMX)
                        .statusCode())
                .as("a position the attempt does not have")
                .isEqualTo(404);
        long running = exam.start(alice.id(), AttemptMode.READINESS, 10, null);
        assertThat(alice.web()
                        .post("/reports", report(running, 1, "TYPO", "During the test."), HTMX)
                        .statusCode())
                .as("a question of a test still running")
                .isEqualTo(404);
        assertThat(reports(alice.id()) + reports(bob.id())).isZero();
    }

    @Test
    void aCheckedPracticeAnswerCanBeReportedFromItsFeedbackButNotBeforeTheCheck() {
        Candidate carol = fixture.newcomer("Carol");
        long practice = exam.start(carol.id(), AttemptMode.PRACTICE, 10, null);
        String question = "/attempts/" + practice + "/q/1";
        assertThat(carol.web().get(question).body()).doesNotContain("data-testid=\"report-problem\"");

        assertThat(carol.web()
                        .post("/reports", report(practice, 1, "UNCLEAR", "Before checking."), HTMX)
                        .statusCode())
                .isEqualTo(404);

        carol.web().post(question + "/answer", Map.of("choice", "0"));
        carol.web().post(question + "/check", Map.of());
        assertThat(carol.web().get(question).body()).contains("data-testid=\"report-problem\"");
        HttpResponse<String> sent =
                carol.web().post("/reports", report(practice, 1, "UNCLEAR", "The stem is ambiguous."), HTMX);

        assertThat(sent.statusCode()).isEqualTo(200);
        assertThat(((Number) reportRow(carol.id()).get("version_id")).longValue())
                .isEqualTo(at(practice, 1).versionId());
    }

    @Test
    void badInputIsShownNextToTheFieldsInPlaceOrOnAPageWithoutJavaScript() {
        Candidate dave = fixture.tested("Dave");
        long attempt = exam.take(dave.id(), AttemptMode.READINESS, p -> true);
        dave.web().get("/reports/mine");

        HttpResponse<String> fragment = dave.web()
                .post("/reports", Map.of("attemptId", String.valueOf(attempt), "position", "3", "comment", " "), HTMX);
        HttpResponse<String> page = dave.web()
                .post("/reports", Map.of("attemptId", String.valueOf(attempt), "position", "3", "reason", "TYPO"));

        assertThat(fragment.statusCode()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("id=\"report-reason-error-3\"", "Choose what is wrong with the question.")
                .contains("Say what is wrong, in a sentence or two.")
                .doesNotContain("<html");
        assertThat(page.body())
                .contains("<h1>Report a problem with question 3</h1>", "Say what is wrong, in a sentence or two.")
                .contains("checked");
        assertThat(reports(dave.id())).isZero();

        HttpResponse<String> withoutJs =
                dave.web().post("/reports", report(attempt, 3, "OUTDATED", "This service was renamed."));
        assertThat(withoutJs.statusCode()).isEqualTo(302);
        assertThat(WebSession.location(withoutJs)).startsWith("/reports/");
        assertThat(dave.web().get(WebSession.location(withoutJs)).body())
                .contains("Thank you: your report on question 3 is sent.", "This service was renamed.", "Open");
    }

    @Test
    void anAdminSeesTheQueueWithTheVersionComparisonAndResolvesTheReporterSeesIt() {
        Candidate erin = fixture.tested("Erin");
        long attempt = exam.take(erin.id(), AttemptMode.READINESS, p -> false);
        AnsweredQuestion seen = at(attempt, 1);
        erin.web().get("/reports/mine");
        String comment = "Key looks wrong " + UUID.randomUUID();
        erin.web().post("/reports", report(attempt, 1, "WRONG_KEY", comment), HTMX);
        long id = ((Number) reportRow(erin.id()).get("id")).longValue();
        revise(seen.questionId());
        WebSession admin = admin();

        String queue = admin.get("/admin/reports?status=OPEN&reason=WRONG_KEY&question=" + seen.questionId())
                .body();
        assertThat(queue).contains(comment, "href=\"/admin/questions/" + seen.questionId() + "\"");
        assertThat(admin.get("/admin/reports?status=OPEN&reason=TYPO&question=" + seen.questionId())
                        .body())
                .doesNotContain(comment);
        assertThat(admin.get("/admin/reports?question=abc").body()).contains("Enter a question number");

        int seenNo = bank.version(seen.versionId()).orElseThrow().versionNo();
        int currentNo = bank.find(seen.questionId()).orElseThrow().current().versionNo();
        String detail = admin.get("/admin/reports/" + id).body();
        assertThat(currentNo).isGreaterThan(seenNo);
        assertThat(detail)
                .contains("The candidate saw version " + seenNo + "; the current version is " + currentNo
                        + ". Changed since:")
                .contains("Question text changed")
                .contains("href=\"/admin/questions/" + seen.questionId() + "\"");

        HttpResponse<String> noNote =
                admin.post("/admin/reports/" + id + "/decision", Map.of("decision", "RESOLVED", "note", ""));
        assertThat(noNote.body()).contains("id=\"note-hint\"", "Write a note for the reporter");
        HttpResponse<String> resolved = admin.post(
                "/admin/reports/" + id + "/decision",
                Map.of("decision", "RESOLVED", "note", "Key fixed in version 2, thanks."));

        assertThat(resolved.statusCode()).isEqualTo(302);
        assertThat(admin.get(WebSession.location(resolved)).body())
                .contains("is resolved. The reporter sees your note.");
        assertThat(jdbc.sql("SELECT detail FROM admin_audit WHERE action = 'report.resolve' AND target = ?")
                        .param("problem report " + id)
                        .query(String.class)
                        .single())
                .isEqualTo("Key fixed in version 2, thanks.");
        assertThat(erin.web().get("/reports/mine").body()).contains("Resolved", "Key fixed in version 2, thanks.");
        HttpResponse<String> twice = admin.post(
                "/admin/reports/" + id + "/decision", Map.of("decision", "REJECTED", "note", "Changed my mind."));
        assertThat(admin.get(WebSession.location(twice)).body()).contains("was decided already");
        assertThat(reportRow(erin.id()).get("status")).isEqualTo("RESOLVED");
    }

    @Test
    void reportsAreLimitedPerAccountWithAClearMessageInPlace() {
        Candidate ivan = fixture.tested("Ivan");
        long attempt = exam.take(ivan.id(), AttemptMode.READINESS, p -> true);
        ivan.web().get("/reports/mine");
        // 30 an hour per account; sending the same report again counts too
        for (int i = 0; i < 30; i++) {
            assertThat(ivan.web()
                            .post("/reports", report(attempt, 1, "TYPO", "Take " + i), HTMX)
                            .body())
                    .contains("data-testid=\"report-sent\"");
        }

        HttpResponse<String> refused = ivan.web().post("/reports", report(attempt, 1, "TYPO", "One more"), HTMX);

        assertThat(refused.body())
                .contains("You have sent many reports in a short time. Please try again in")
                .contains("data-testid=\"report-problem\"");
        assertThat(reportRow(ivan.id()).get("comment")).isEqualTo("Take 29");
    }

    @Test
    void adminRoutesAreForbiddenToCandidatesAndSendVisitorsToLogIn() {
        Candidate frank = fixture.newcomer("Frank");
        WebSession visitor = new WebSession(port);
        frank.web().get("/reports/mine");
        for (String path : new String[] {"/admin/reports", "/admin/reports/1", "/admin/reviews"}) {
            assertThat(frank.web().get(path).statusCode()).as(path).isEqualTo(403);
            HttpResponse<String> anonymous = visitor.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(WebSession.location(anonymous)).as(path).endsWith("/login");
        }
        for (String path :
                new String[] {"/admin/reports/1/decision", "/admin/reviews/1/hide", "/admin/reviews/1/unhide"}) {
            assertThat(frank.web()
                            .post(path, Map.of("decision", "RESOLVED", "note", "x", "reason", "x"))
                            .statusCode())
                    .as(path)
                    .isEqualTo(403);
        }
    }

    @Test
    void candidateRoutesNeedALoginAndAnotherCandidatesReportIsNotFound() {
        Candidate gina = fixture.tested("Gina");
        Candidate hugo = fixture.newcomer("Hugo");
        long attempt = exam.take(gina.id(), AttemptMode.READINESS, p -> true);
        gina.web().get("/reports/mine");
        gina.web().post("/reports", report(attempt, 1, "OTHER", "Gina's own report."), HTMX);
        long id = ((Number) reportRow(gina.id()).get("id")).longValue();
        WebSession visitor = new WebSession(port);

        assertThat(gina.web().get("/reports/" + id).body()).contains("Gina&#39;s own report.");
        assertThat(hugo.web().get("/reports/" + id).statusCode()).isEqualTo(404);
        assertThat(hugo.web().get("/reports/mine").body()).doesNotContain("Gina&#39;s own report.");
        for (String path : new String[] {"/reports/mine", "/reports/" + id, "/reviews/mine"}) {
            HttpResponse<String> anonymous = visitor.get(path);
            assertThat(anonymous.statusCode()).as(path).isEqualTo(302);
            assertThat(WebSession.location(anonymous)).as(path).endsWith("/login");
        }
        assertThat(visitor.get("/reviews").statusCode())
                .as("the public reviews page")
                .isEqualTo(200);
    }

    WebSession admin() {
        WebSession admin = new WebSession(port);
        admin.register("journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL, "Ada Admin");
        admin.get("/admin/reports");
        return admin;
    }
}
