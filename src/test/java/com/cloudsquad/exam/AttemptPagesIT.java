package com.cloudsquad.exam;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The attempt pages over HTTP with real logins: pages, fragments, autosave, submit, IDOR. */
@CloudSquadIntegrationTest
class AttemptPagesIT {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Catalog catalog;

    @Autowired
    QuestionBank bank;

    @Autowired
    Attempts attempts;

    @Autowired
    AttemptQueries queries;

    ExamFixture fixture;
    WebSession alice;
    String base;
    long attemptId;

    @BeforeEach
    void aliceStartsAReadinessTest() {
        fixture = ExamFixture.create(jdbc, catalog, bank, 8);
        alice = new WebSession(port);
        alice.register(WebSession.uniqueEmail("alice"), "Alice");
        alice.get("/exams");
        HttpResponse<String> started =
                alice.post("/exams/" + fixture.certification.code() + "/start", Map.of("mode", "READINESS"));
        assertThat(started.statusCode()).isEqualTo(302);
        base = WebSession.attemptBase(started);
        assertThat(base).matches("/attempts/\\d+");
        attemptId = Long.parseLong(base.substring("/attempts/".length()));
    }

    @Test
    void theQuestionPageShowsOneQuestionTheGridAndTheServersTimeLeft() {
        HttpResponse<String> resume = alice.get(base);
        assertThat(WebSession.location(resume)).isEqualTo(base + "/q/1");

        HttpResponse<String> page = alice.get(base + "/q/1");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("class=\"question-title\"", "Question 1", "of 10")
                .contains("data-remaining-ms=\"1")
                .contains("id=\"nav-10\"")
                .contains("hx-post=\"/attempts/" + attemptId + "/q/1/answer\"")
                .contains("0 of 10 answered");
        assertThat(page.body().split("data-testid=\"option\"", -1).length - 1).isBetween(4, 5);
    }

    @Test
    void anAnswerIsSavedAsAFragmentAndAClosedAttemptSaysSoWithALinkToTheResults() {
        alice.get(base + "/q/2");
        HttpResponse<String> saved = alice.post(base + "/q/2/answer", Map.of("choice", "1"), "HX-Request", "true");

        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.body()).contains("data-state=\"saved\"", "Saved").doesNotContain("<header");
        // the counter and the grid come with the save, out of band
        assertThat(saved.body())
                .contains("id=\"answered-count\"", "hx-swap-oob=\"innerHTML\"", "1 of 10 answered")
                .contains("id=\"nav-grid\"", "class=\"nav-cell answered current\" id=\"nav-2\"");
        assertThat(queries.questions(attemptId).get(1).selected()).containsExactly(1);
        assertThat(alice.get(base + "/q/2").body()).contains("1 of 10 answered");

        HttpResponse<String> invalid = alice.post(base + "/q/2/answer", Map.of("choice", "9"), "HX-Request", "true");
        assertThat(invalid.body()).contains("data-state=\"invalid\"");

        HttpResponse<String> submitted = alice.post(base + "/submit", Map.of());
        assertThat(WebSession.location(submitted)).isEqualTo(base + "/results");
        HttpResponse<String> late = alice.post(base + "/q/3/answer", Map.of("choice", "0"), "HX-Request", "true");
        assertThat(late.body()).contains("This attempt is already closed.").contains("href=\"" + base + "/results\"");
    }

    @Test
    void flaggingUpdatesTheButtonAndTheGridCellOutOfBand() {
        alice.get(base + "/q/3");
        HttpResponse<String> flagged = alice.post(base + "/q/3/flag", Map.of("flagged", "true"), "HX-Request", "true");

        assertThat(flagged.body())
                .contains("aria-pressed=\"true\"", "Flagged")
                .contains("id=\"nav-3\"", "hx-swap-oob=\"true\"", "flagged");
        HttpResponse<String> review = alice.get(base + "/review");
        assertThat(review.body()).contains("1 flagged for review", "10 unanswered");
    }

    @Test
    void submittingTwiceFromTwoTabsScoresOnceAndBothLandOnTheResults() throws Exception {
        alice.get(base + "/review");
        List<HttpResponse<String>> responses =
                AttemptsIT.race(2, (Callable<HttpResponse<String>>) () -> alice.post(base + "/submit", Map.of()));

        assertThat(responses).allSatisfy(r -> assertThat(WebSession.location(r)).isEqualTo(base + "/results"));
        HttpResponse<String> results = alice.get(base + "/results");
        assertThat(results.body())
                .contains("data-testid=\"scaled-score\"", "By domain", "Domain 1", "0 / 4", "Answer review")
                .contains("Not answered");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM attempt WHERE id = ? AND status = 'SUBMITTED'")
                        .param(attemptId)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(alice.get(base + "/results?show=flagged").body()).contains("No questions here.");
        assertThat(WebSession.location(alice.get(base + "/q/1"))).isEqualTo(base + "/results");
    }

    /**
     * A closed attempt's answer review is rendered once per attempt, filter and browser and then
     * kept: later views show exactly the same review, each filter its own, and another browser of
     * the same candidate (another CSRF cookie) gets the same review too.
     */
    @Test
    void theKeptAnswerReviewIsTheSameOnEveryViewAndPerFilter() {
        alice.post(base + "/q/1/answer", Map.of("choice", "0"), "HX-Request", "true");
        alice.post(base + "/q/2/flag", Map.of("flagged", "true"), "HX-Request", "true");
        alice.get(base + "/review");
        alice.post(base + "/submit", Map.of());

        // compared without the CSRF tokens of the "Report a problem" forms: a browser's first view
        // may set its CSRF cookie, and each browser's kept review carries its own token
        String all =
                withoutCsrfTokens(review(alice.get(base + "/results?show=all").body()));
        String flagged = withoutCsrfTokens(
                review(alice.get(base + "/results?show=flagged").body()));

        assertThat(all).contains("id=\"answers\"", "Question 1", "Question 10", "Your choice");
        assertThat(all.split("data-testid=\"review-item\"", -1).length - 1).isEqualTo(10);
        assertThat(flagged).contains("flagged"); // question numbers are not positions: the draw is shuffled
        assertThat(flagged.split("data-testid=\"review-item\"", -1).length - 1).isEqualTo(1);
        assertThat(withoutCsrfTokens(
                        review(alice.get(base + "/results?show=all").body())))
                .isEqualTo(all);
        assertThat(withoutCsrfTokens(
                        review(alice.get(base + "/results?show=flagged").body())))
                .isEqualTo(flagged);

        WebSession otherBrowser = new WebSession(port);
        otherBrowser.useSessionCookie(alice.sessionCookie().orElseThrow());
        assertThat(withoutCsrfTokens(
                        review(otherBrowser.get(base + "/results?show=all").body())))
                .isEqualTo(all);
        assertThat(withoutCsrfTokens(
                        review(otherBrowser.get(base + "/results?show=all").body())))
                .isEqualTo(all);
    }

    private static String withoutCsrfTokens(String html) {
        return html.replaceAll("name=\"_csrf\" value=\"[^\"]*\"", "name=\"_csrf\" value=\"\"");
    }

    /** The answer review section of a results page (it is the last section of the page). */
    private static String review(String page) {
        int start = page.indexOf("<section aria-labelledby=\"answers-heading\" id=\"answers\">");
        assertThat(start).as("answer review in the page").isPositive();
        return page.substring(start, page.indexOf("</main>", start));
    }

    @Test
    void anotherCandidateGetsNotFoundOnEveryUrlOfTheAttempt() {
        WebSession mallory = new WebSession(port);
        mallory.register(WebSession.uniqueEmail("mallory"), "Mallory");
        mallory.get("/exams");

        for (String path : List.of(base, base + "/q/1", base + "/review", base + "/results")) {
            assertThat(mallory.get(path).statusCode()).as(path).isEqualTo(404);
        }
        for (String path : List.of(
                base + "/q/1/answer", base + "/q/1/flag", base + "/q/1/check", base + "/submit", base + "/leave")) {
            assertThat(mallory.post(path, Map.of("choice", "0", "flagged", "true"))
                            .statusCode())
                    .as(path)
                    .isEqualTo(404);
        }
        assertThat(queries.find(attemptId).orElseThrow().status()).isEqualTo(AttemptStatus.IN_PROGRESS);
        assertThat(queries.questions(attemptId)).noneMatch(AttemptQuestion::answered);
        assertThat(queries.questions(attemptId)).noneMatch(AttemptQuestion::flagged);
    }

    @Test
    void anAdminCanLookButNotTouch() {
        WebSession admin = new WebSession(port);
        String email = "journey-" + CloudSquadIntegrationTest.ADMIN_EMAIL; // the run's shared admin
        admin.register(email, "Admin"); // confirms the address and logs in (only logs in when it exists)

        HttpResponse<String> page = admin.get(base + "/q/1");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("read-only", "<fieldset disabled=\"disabled\">");
        HttpResponse<String> list = admin.get("/admin/attempts?certification=" + fixture.certification.id());
        assertThat(list.statusCode()).isEqualTo(200);
        assertThat(list.body())
                .contains("Alice", fixture.certification.code() + " · Readiness test", "In progress")
                .contains("href=\"" + base + "\"");
        assertThat(admin.get("/admin/attempts").body()).contains("Recent attempts", "data-testid=\"attempt-row\"");
        assertThat(alice.get("/admin/attempts").statusCode()).isEqualTo(403);
        assertThat(admin.post(base + "/q/1/answer", Map.of("choice", "0")).statusCode())
                .isEqualTo(404);
        assertThat(admin.post(base + "/submit", Map.of()).statusCode()).isEqualTo(404);
        assertThat(queries.find(attemptId).orElseThrow().status()).isEqualTo(AttemptStatus.IN_PROGRESS);
    }

    @Test
    void theStartPageOffersEveryModeAndTheHomePageOffersToResume() {
        HttpResponse<String> start = alice.get("/exams");
        assertThat(start.body())
                .contains("Resume your " + fixture.certification.code() + " readiness test")
                .contains("Start mock exam", "Start practice", "Start drill", "Nothing to review yet");
        assertThat(alice.get("/").body()).contains("Resume your " + fixture.certification.code() + " readiness test");
        assertThat(alice.get("/attempts").body()).contains("In progress", "Resume");
    }

    @Test
    void practiceShowsTheExplanationsOnceChecked() {
        HttpResponse<String> started = alice.post(
                "/exams/" + fixture.certification.code() + "/start", Map.of("mode", "PRACTICE", "count", "10"));
        String practice = WebSession.attemptBase(started);
        alice.get(practice + "/q/1");
        alice.post(practice + "/q/1/answer", Map.of("choice", "0"), "HX-Request", "true");

        HttpResponse<String> checked = alice.post(practice + "/q/1/check", Map.of());
        assertThat(WebSession.location(checked)).isEqualTo(practice + "/q/1");
        String page = alice.get(practice + "/q/1").body();
        assertThat(page).contains("data-testid=\"feedback\"", "Correct answer", "General explanation");
        assertThat(page).containsAnyOf("Right!", "Not quite.");
        assertThat(page).contains("<fieldset disabled=\"disabled\">");
    }

    @Test
    void twentyParallelSavesOnOneSessionGiveNoErrorAndOneConsistentChoice() throws Exception {
        alice.get(base + "/q/4");
        int[] next = {0};
        List<HttpResponse<String>> responses = AttemptsIT.race(20, () -> {
            int choice;
            synchronized (next) {
                choice = next[0]++ % 4;
            }
            return alice.post(base + "/q/4/answer", Map.of("choice", String.valueOf(choice)), "HX-Request", "true");
        });

        assertThat(responses).allSatisfy(r -> {
            assertThat(r.statusCode()).isEqualTo(200);
            assertThat(r.body()).contains("data-state=\"saved\"");
        });
        assertThat(queries.questions(attemptId).get(3).selected()).hasSize(1).allSatisfy(c -> assertThat(c)
                .isBetween(0, 3));
    }

    @Test
    void theResultsShowTheVersionTheCandidateSawEvenAfterAnEdit() {
        AttemptQuestion first = queries.questions(attemptId).get(0);
        var detail = bank.find(first.questionId()).orElseThrow();
        var content = detail.content();
        bank.save(
                first.questionId(),
                new com.cloudsquad.bank.QuestionContent(
                        content.domainId(),
                        content.difficulty(),
                        content.title(),
                        "Edited after the attempt: " + content.stem(),
                        content.options(),
                        content.explanation(),
                        content.references(),
                        content.tags()),
                null,
                detail.lockVersion(),
                "editor");
        alice.get(base + "/review");
        alice.post(base + "/submit", Map.of());

        String results = alice.get(base + "/results").body();
        assertThat(results).contains(content.stem().substring(0, 20)).doesNotContain("Edited after the attempt");
    }

    @Test
    void anUnknownCertificationIsNotFound() {
        HttpResponse<String> start = alice.post("/exams/NO-SUCH-EXAM/start", Map.of("mode", "READINESS"));

        assertThat(start.statusCode()).isEqualTo(404);
    }

    @Test
    void attemptTimesAreShownInTheCandidatesOwnTimeZone() {
        java.time.Instant started = queries.find(attemptId).orElseThrow().startedAt();
        jdbc.sql("UPDATE account SET time_zone = 'Asia/Tokyo' WHERE id = ?")
                .param(queries.find(attemptId).orElseThrow().accountId())
                .update();

        String history = alice.get("/attempts").body();

        String tokyo = java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm")
                .format(started.atZone(java.time.ZoneId.of("Asia/Tokyo")));
        assertThat(history).contains(tokyo + " JST").doesNotContain(" UTC");
    }

    @Test
    void aPracticeLeftWithoutAScoreStillHasAResultsPage() {
        HttpResponse<String> started = alice.post(
                "/exams/" + fixture.certification.code() + "/start", Map.of("mode", "PRACTICE", "count", "10"));
        String practice = WebSession.attemptBase(started);
        alice.get(practice + "/review");

        HttpResponse<String> left = alice.post(practice + "/leave", Map.of());
        assertThat(WebSession.location(left)).isEqualTo("/exams");

        HttpResponse<String> results = alice.get(practice + "/results");
        assertThat(results.statusCode()).isEqualTo(200);
        assertThat(results.body())
                .contains("0 of 0 right (0 of 10 questions answered)", "Practice · Left")
                .contains("Answer review");
    }

    @Test
    void anHtmxMoveToAnotherQuestionIsTheCardWithTheGridAndCounterOutOfBandButADirectLoadIsTheWholePage() {
        HttpResponse<String> swapped = alice.get(base + "/q/2", "HX-Request", "true");

        assertThat(swapped.statusCode()).isEqualTo(200);
        assertThat(swapped.body())
                .contains("id=\"question\"", "data-position=\"2\"", "<title>Question 2 of 10")
                .contains("id=\"answered-count\"", "id=\"nav-grid\"", "hx-swap-oob")
                .doesNotContain("site-header", "id=\"timer\"");

        HttpResponse<String> restored =
                alice.get(base + "/q/2", "HX-Request", "true", "HX-History-Restore-Request", "true");
        assertThat(restored.body()).contains("site-header", "id=\"timer\"");
        assertThat(alice.get(base + "/q/2").body()).contains("site-header", "id=\"timer\"", "data-position=\"2\"");

        alice.post(base + "/submit", Map.of());
        HttpResponse<String> closed = alice.get(base + "/q/2", "HX-Request", "true");
        assertThat(closed.headers().firstValue("HX-Redirect")).contains(base + "/results");
    }

    @Test
    void abandoningATimedTestClosesItUnscoredWithoutAnEventAndHistorySaysAbandoned() {
        alice.post(base + "/q/1/answer", Map.of("choice", "0"), "HX-Request", "true");
        assertThat(alice.get(base + "/abandon").body()).contains("Abandon your", "not scored", "1 of 10");

        HttpResponse<String> abandoned = alice.post(base + "/abandon", Map.of());

        assertThat(WebSession.location(abandoned)).isEqualTo("/exams");
        Attempt attempt = queries.find(attemptId).orElseThrow();
        assertThat(attempt.status()).isEqualTo(AttemptStatus.ABANDONED);
        assertThat(attempt.scaledScore()).isNull();
        assertThat(jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?")
                        .param("%\"attemptId\":" + attemptId + ",%")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(alice.get("/attempts").body()).contains("Abandoned, not scored");
        assertThat(alice.get(base + "/results").body()).contains("was abandoned and not scored");
        // the slot is free: a new timed test starts instead of resuming this one
        HttpResponse<String> next =
                alice.post("/exams/" + fixture.certification.code() + "/start", Map.of("mode", "MOCK"));
        assertThat(WebSession.location(next)).isNotEqualTo(base);
    }

    @Test
    void aPracticeFinishedEarlyHasNoScaledScoreAndSaysHowManyOfTheAnsweredWereRight() {
        String practice = WebSession.attemptBase(alice.post(
                "/exams/" + fixture.certification.code() + "/start", Map.of("mode", "PRACTICE", "count", "10")));
        long id = Long.parseLong(practice.substring("/attempts/".length()));
        for (int n = 1; n <= 3; n++) {
            alice.post(practice + "/q/" + n + "/answer", Map.of("choice", "0"), "HX-Request", "true");
            alice.post(practice + "/q/" + n + "/check", Map.of());
        }
        alice.post(practice + "/submit", Map.of());

        Attempt closed = queries.find(id).orElseThrow();
        assertThat(closed.scaledScore()).isNull();
        assertThat(closed.passed()).isNull();
        String results = alice.get(practice + "/results").body();
        assertThat(results)
                .contains("of 3 right (3 of 10 questions answered)", "no pass or fail")
                .doesNotContain("data-testid=\"scaled-score\"", "Not yet", "passing mark");
        assertThat(alice.get("/attempts").body()).doesNotContain("(not yet)");
    }

    @Test
    void leavingAMissedQuestionReviewNamesItAndShowsWhatIsStillWaiting() {
        alice.post(base + "/submit", Map.of()); // ten unanswered: ten missed
        String exams = alice.get("/exams").body();
        assertThat(exams).contains("10 questions you missed are waiting", "right twice, a day");
        String review = WebSession.attemptBase(
                alice.post("/exams/" + fixture.certification.code() + "/start", Map.of("mode", "REVIEW")));

        HttpResponse<String> left = alice.post(review + "/leave", Map.of());

        assertThat(WebSession.location(left)).isEqualTo(review + "/results");
        assertThat(alice.get(review + "/results").body())
                .contains("You left the missed-question review.", "Missed-question review · Left")
                .contains("10 questions are still waiting in your missed-question queue: 10 to review now.")
                .doesNotContain("You left the practice");
    }

    /**
     * Autosave stays cheap with the live counter: the out-of-band counter and grid cost one SELECT
     * of the attempt's questions on top of the ownership check and the UPDATE (session reads aside).
     */
    @Test
    void anAutosaveWithTheLiveCounterRunsAFewStatementsOnly() {
        alice.post(base + "/q/1/answer", Map.of("choice", "0"), "HX-Request", "true"); // warm up
        // The counters are server-wide: a background job (report sweep, session cleanup) may run a
        // statement during a batch. Noise only adds, so the quietest of three batches is the figure.
        double selectsPerSave = Double.MAX_VALUE;
        double updatesPerSave = Double.MAX_VALUE;
        int saves = 10;
        for (int batch = 0; batch < 3; batch++) {
            long selects = status("Com_select");
            long updates = status("Com_update") + status("Com_update_multi");
            for (int n = 0; n < saves; n++) {
                alice.post(base + "/q/1/answer", Map.of("choice", String.valueOf(n % 4)), "HX-Request", "true");
            }
            selectsPerSave = Math.min(selectsPerSave, (status("Com_select") - selects) / (double) saves);
            updatesPerSave = Math.min(
                    updatesPerSave, (status("Com_update") + status("Com_update_multi") - updates) / (double) saves);
        }
        System.out.printf("autosave: %.1f SELECT, %.1f UPDATE per request%n", selectsPerSave, updatesPerSave);
        // session read + ownership check + the counter's read; the one UPDATE (+ the session's, when it writes)
        assertThat(selectsPerSave).isLessThanOrEqualTo(4.0);
        assertThat(updatesPerSave).isLessThanOrEqualTo(2.5);
    }

    private long status(String name) {
        return jdbc.sql("SHOW GLOBAL STATUS LIKE '" + name + "'")
                .query((rs, n) -> rs.getLong(2))
                .single();
    }
}
