package com.cloudsquad.site;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.ExamDriver;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import com.cloudsquad.support.TestClock;
import com.cloudsquad.support.WebSession;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The figures on /admin, the audit log page, and audit entries of the older admin actions. */
@CloudSquadIntegrationTest
class AdminConsoleIT {

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private WebSession admin() {
        WebSession admin = new WebSession(port);
        admin.register(CloudSquadIntegrationTest.ADMIN_EMAIL, "Ada Admin");
        admin.get("/admin"); // the CSRF token after login (logging in rotates it)
        return admin;
    }

    /** Moves the app's clock to 12:00 UTC of {@code day}. */
    private void clockAt(LocalDate day) {
        Instant target = day.atTime(12, 0).toInstant(ZoneOffset.UTC);
        clock.advance(Duration.between(clock.instant(), target));
    }

    private static String figure(Document console, String label) {
        Element tile = console.selectFirst("[data-testid=figure][data-label=\"" + label + "\"] .figure-value");
        assertThat(tile).as("tile %s", label).isNotNull();
        return tile.text();
    }

    @Test
    void countsAttemptsOfTodayAndTheLastSevenUtcDaysAndThePassRateOfScoredTests() {
        ExamDriver exam = ExamDriver.create(context, 12);
        long candidate = exam.candidate("figures");
        // Years ahead (TIMESTAMP ends in 2038), so the attempts of other tests are outside every window.
        LocalDate today = LocalDate.now(ZoneOffset.UTC).plusDays(2500);
        clockAt(today.minusDays(10));
        exam.take(candidate, AttemptMode.READINESS, p -> true); // passed: in the 30-day pass rate only
        clockAt(today.minusDays(3));
        exam.take(candidate, AttemptMode.READINESS, p -> false); // failed
        exam.take(candidate, AttemptMode.PRACTICE, p -> true); // not a scored test
        clockAt(today);
        exam.take(candidate, AttemptMode.READINESS, p -> true); // passed
        exam.start(candidate, AttemptMode.PRACTICE, 5, null); // still open, started today
        WebSession admin = admin();

        Document console = Jsoup.parse(admin.get("/admin").body());

        assertThat(figure(console, "Attempts today (UTC)")).isEqualTo("2");
        assertThat(figure(console, "Attempts in the last 7 days")).isEqualTo("4");
        Element rate = console.selectFirst(
                "[data-testid=pass-rate][data-code=" + exam.certification().code() + "]");
        assertThat(rate.select("td").eachText()).containsExactly("3", "2", "67 %");
        assertThat(console.select("[data-testid=figure] a").eachAttr("href"))
                .contains("/admin/users", "/admin/attempts");

        // Six days later today's two attempts are the only ones left in the last 7 days.
        clockAt(today.plusDays(6));
        Document later = Jsoup.parse(admin.get("/admin").body());
        assertThat(figure(later, "Attempts today (UTC)")).isEqualTo("0");
        assertThat(figure(later, "Attempts in the last 7 days")).isEqualTo("2");
    }

    @Test
    void feedbackAndItemStatisticsPutTheirCountsOnTheConsoleWithLinks() {
        WebSession admin = admin();
        clock.advance(Duration.ofMinutes(2)); // past the cached set
        var feedback = context.getBean(com.cloudsquad.feedback.FeedbackCounts.class);
        var statistics = context.getBean(com.cloudsquad.bank.ItemStatistics.class);
        Document console = Jsoup.parse(admin.get("/admin").body());

        assertThat(figure(console, "Open problem reports").replace(",", ""))
                .isEqualTo(Long.toString(feedback.openProblemReports()));
        assertThat(figure(console, "Hidden reviews").replace(",", ""))
                .isEqualTo(Long.toString(feedback.hiddenReviews()));
        assertThat(figure(console, "Questions needing checking").replace(",", ""))
                .isEqualTo(Long.toString(statistics.questionsNeedingChecking()));
        assertThat(console.select("[data-testid=figure] a").eachAttr("href"))
                .contains("/admin/reports", "/admin/reviews", "/admin/questions/statistics?flagged=true");
    }

    @Test
    void theUserCountIsCountedAtMostOnceAMinute() {
        WebSession admin = admin();
        clock.advance(Duration.ofMinutes(2));
        long before = Long.parseLong(
                figure(Jsoup.parse(admin.get("/admin").body()), "Users").replace(",", ""));
        new WebSession(port).register(WebSession.uniqueEmail("counted"), "Counted", WebSession.PASSWORD);

        assertThat(figure(Jsoup.parse(admin.get("/admin").body()), "Users").replace(",", ""))
                .as("still the cached figure")
                .isEqualTo(Long.toString(before));
        clock.advance(Duration.ofSeconds(61));
        assertThat(figure(Jsoup.parse(admin.get("/admin").body()), "Users").replace(",", ""))
                .isEqualTo(Long.toString(before + 1));
    }

    @Test
    void theAuditLogListsAdminActionsNewestFirstWithWhoWhatTargetAndWhen() {
        WebSession admin = admin();
        admin.get("/admin/api-keys");
        admin.post("/admin/api-keys", Map.of("name", "audit test key"));
        long keyId = jdbc.sql("SELECT MAX(id) FROM api_key WHERE name = 'audit test key'")
                .query(Long.class)
                .single();
        admin.post("/admin/api-keys/" + keyId + "/revoke", Map.of());

        Document log = Jsoup.parse(admin.get("/admin/audit").body());

        List<Element> rows = log.select("[data-testid=audit-row]");
        List<String> newest = rows.get(0).select("td").eachText();
        assertThat(newest.subList(1, 4))
                .containsExactly(CloudSquadIntegrationTest.ADMIN_EMAIL, "api-key.revoke", "API key " + keyId);
        assertThat(rows.get(0).select("td").get(0).text()).matches("\\d{4}-\\d{2}-\\d{2} \\d{2}:\\d{2} UTC");
        assertThat(rows.get(1).select("td").eachText()).contains("api-key.create");
        assertThat(rows.get(1).text()).contains("audit test key");
    }

    @Test
    void questionStatusChangesAndProgressRebuildsAreAudited() {
        ExamDriver exam = ExamDriver.create(context, 2);
        long questionId = jdbc.sql("SELECT q.id FROM question q JOIN exam_domain d ON d.id = q.domain_id"
                        + " WHERE d.certification_id = ? ORDER BY q.id LIMIT 1")
                .param(exam.certification().id())
                .query(Long.class)
                .single();
        WebSession admin = admin();
        admin.get("/admin/questions/" + questionId);
        admin.post("/admin/questions/" + questionId + "/status", Map.of("status", "RETIRED"));
        admin.get("/admin");
        admin.post("/admin/progress/rebuild", Map.of());

        List<String> actions = jdbc.sql("SELECT CONCAT(action, ' ', target) FROM admin_audit WHERE actor = ?"
                        + " ORDER BY id DESC LIMIT 2")
                .param(CloudSquadIntegrationTest.ADMIN_EMAIL)
                .query(String.class)
                .list();
        assertThat(actions)
                .containsExactly("progress.rebuild progress tables", "question.status question " + questionId);
    }
}
