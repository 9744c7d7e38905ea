package com.cloudsquad.platform;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.BrowserJourney;
import com.cloudsquad.support.Browsers;
import com.cloudsquad.support.WebSession;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.options.AriaRole;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.util.FileSystemUtils;

/**
 * Failure drill: the database stops mid-exam and comes back. The app runs on a MariaDB of its own
 * (own data folder and port) that the drill stops and starts again on the same port, while a
 * candidate over plain HTTP keeps saving answers and another one sits a test in Chromium. Asserted:
 * every request fails within 3 s with a 503 (a page, or a short fragment for htmx) carrying
 * Retry-After; readiness DOWN, liveness UP; the page retries the save it could not make and says
 * so; the app serves again within 10 s of the database being back, without a restart; and every
 * answer acknowledged with a 2xx is in the database afterwards. Figures go to the test output.
 */
class DatabaseOutageDrillIT extends BrowserJourney {

    static final Duration FAIL_FAST = Duration.ofSeconds(3);
    static final Duration RECOVERY = Duration.ofSeconds(10);

    final Path data = Path.of("target", "outage-db-" + UUID.randomUUID()).toAbsolutePath();
    EmbeddedMariaDb database;
    ConfigurableApplicationContext app;

    @AfterEach
    void stopAll() {
        if (app != null) {
            app.close();
        }
        if (database != null) {
            database.release();
        }
        FileSystemUtils.deleteRecursively(data.toFile());
    }

    @Test
    void theDatabaseStopsMidExamAndComesBack() throws Exception {
        database = EmbeddedMariaDb.acquire(data, EmbeddedDatabaseConfiguration.DATABASE_NAME);
        // the app's own embedded configuration finds this running server (same folder) and shares it
        app = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run(
                        "--app.embedded-db.dir=" + data,
                        "--server.port=0",
                        "--spring.main.banner-mode=off",
                        "--app.exam.overdue-check=PT1S");
        int port = ((WebServerApplicationContext) app).getWebServer().getPort();
        JdbcClient jdbc = app.getBean(JdbcClient.class);

        // A candidate over HTTP, mid-test, saving answers one after another (as fast as it can).
        WebSession candidate = new WebSession(port);
        String email = WebSession.uniqueEmail("outage");
        candidate.register(email, "Olga Outage");
        candidate.get("/exams");
        String base = WebSession.attemptBase(candidate.post("/exams/SAA-C03/start", Map.of("mode", "READINESS")));
        assertThat(base).matches("/attempts/\\d+");
        long attemptId = Long.parseLong(base.substring("/attempts/".length()));
        candidate.get(base + "/q/1");
        // the same candidate in a second session (the saver's client is busy on its own thread)
        WebSession viewer = new WebSession(port);
        viewer.logIn(email, WebSession.PASSWORD);
        assertThat(viewer.get(base + "/q/1").statusCode()).isEqualTo(200);

        // A second candidate in Chromium, on a question page.
        String browserEmail = WebSession.uniqueEmail("outage-browser");
        WebSession browserAccount = new WebSession(port);
        browserAccount.register(browserEmail, "Bruno Browser");
        browserAccount.logOut();
        BrowserContext context = browser.newContext(new Browser.NewContextOptions()
                .setBaseURL("http://localhost:" + port)
                .setExtraHTTPHeaders(Map.of("X-Forwarded-For", WebSession.nextClientAddress())));
        Page page = context.newPage();
        page.navigate("/login");
        page.getByLabel("Email").fill(browserEmail);
        page.getByLabel("Password").fill(WebSession.PASSWORD);
        page.getByLabel("Password").press("Enter");
        assertThat(page.getByTestId("user-name")).hasText("Bruno Browser");
        page.navigate("/exams");
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Start SAA-C03 readiness test"))
                .click();
        page.waitForURL(url -> url.matches(".*/attempts/\\d+/q/1$"));
        long browserAttemptId = Long.parseLong(page.url().replaceAll(".*/attempts/(\\d+)/q/\\d+$", "$1"));
        page.getByTestId("option").first().click();
        assertThat(page.getByTestId("save-status")).hasText("✓ Saved");

        Saver saver = new Saver(candidate, base);
        Thread saving = new Thread(saver, "drill-saver");
        saving.start();
        until("the first saves acknowledged", () -> saver.acknowledged.get() >= 10);

        // ---- The database stops --------------------------------------------------------------
        database.stopForDrill();
        long stopped = System.nanoTime();

        long pageStart = System.nanoTime();
        HttpResponse<String> questionPage = viewer.get(base + "/q/3");
        Duration pageTime = since(pageStart);
        assertThat(questionPage.statusCode()).isEqualTo(503);
        assertThat(questionPage.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(questionPage.headers().firstValue("Content-Type"))
                .hasValueSatisfying(type -> assertThat(type).startsWith("text/html"));
        assertThat(questionPage.body())
                .contains("Cloud Squad is back in a moment")
                .contains("Answers you saw as saved are safe")
                .doesNotContain("Exception")
                .doesNotContain("at com.");
        assertThat(pageTime).as("a page fails fast").isLessThan(FAIL_FAST);

        long saveStart = System.nanoTime();
        HttpResponse<String> save = viewer.post(base + "/q/4/answer", Map.of("choice", "1"), "HX-Request", "true");
        Duration saveTime = since(saveStart);
        assertThat(save.statusCode()).isEqualTo(503);
        assertThat(save.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(save.body()).contains("cannot reach its database").doesNotContain("<html");
        assertThat(saveTime).as("an autosave fails fast").isLessThan(FAIL_FAST);

        // the load balancer's view: not ready (no traffic), but alive (no replacement)
        WebSession probe = new WebSession(port);
        long readinessStart = System.nanoTime();
        HttpResponse<String> readiness = probe.get("/actuator/health/readiness");
        Duration readinessTime = since(readinessStart);
        assertThat(readiness.statusCode()).isEqualTo(503);
        assertThat(readiness.body()).contains("\"DOWN\"");
        assertThat(readinessTime).isLessThan(FAIL_FAST);
        HttpResponse<String> liveness = probe.get("/actuator/health/liveness");
        assertThat(liveness.statusCode()).isEqualTo(200);
        assertThat(liveness.body()).contains("\"UP\"");

        // an address that does not exist goes through the error page: never a 500 or a stack trace
        HttpResponse<String> missingSignedIn = viewer.get("/no-such-page");
        assertThat(missingSignedIn.statusCode())
                .as("signed in: the session is in the database")
                .isEqualTo(503);
        assertThat(missingSignedIn.body()).contains("Cloud Squad is back in a moment");
        HttpResponse<String> missingAnonymous = probe.get("/no-such-page");
        assertThat(missingAnonymous.statusCode()).isIn(404, 503);
        assertThat(missingAnonymous.body()).doesNotContain("Exception").contains("<html");

        // the browser's save fails: the page says so and keeps trying
        page.getByTestId("option").nth(1).click();
        assertThat(page.getByTestId("save-status")).hasText("Not saved yet — retrying…");
        Browsers.screenshot(page, "90-drill-database-down-save-retrying");
        // a page opened meanwhile is the friendly 503
        Page other = context.newPage();
        other.navigate("/attempts/" + browserAttemptId + "/q/2");
        assertThat(other.getByTestId("unavailable-page")).containsText("Cloud Squad is back in a moment");
        // with its stylesheet: static files never wait for the database
        assertThat(other.evaluate("() => getComputedStyle(document.querySelector('.error-code')).fontWeight"))
                .isEqualTo("800");
        Browsers.screenshot(other, "91-drill-database-down-page");
        assertAccessible(other);
        other.setViewportSize(390, 844);
        assertNoSidewaysScroll(other);
        Browsers.screenshot(other, "92-drill-database-down-page-phone");
        other.close();

        until("the saver met the outage", () -> saver.refused.get() > 0);
        Duration outage = since(stopped);

        // ---- The database comes back on the same port ------------------------------------------
        database.startAgain();
        long back = System.nanoTime();
        until(
                "the app serves the candidate again",
                () -> viewer.get(base + "/q/3").statusCode() == 200,
                RECOVERY.plusSeconds(5));
        Duration recovery = since(back);
        assertThat(recovery).as("recovers by itself").isLessThan(RECOVERY);
        until(
                "readiness UP again",
                () -> probe.get("/actuator/health/readiness").statusCode() == 200,
                RECOVERY);
        Duration readyAgain = since(back);

        // the page's retry lands, and says so
        assertThat(page.getByTestId("save-status"))
                .hasText("✓ Saved", new LocatorAssertions.HasTextOptions().setTimeout(20_000));
        Duration browserSaved = since(back);

        int before = saver.acknowledged.get();
        until("saves acknowledged again", () -> saver.acknowledged.get() > before + 5, RECOVERY);
        saver.running.set(false);
        saving.join(10_000);

        // ---- Nothing acknowledged is lost ------------------------------------------------------
        assertThat(saver.lastAcknowledged).isNotEmpty();
        for (Map.Entry<Integer, Integer> acknowledged : saver.lastAcknowledged.entrySet()) {
            assertThat(selected(jdbc, attemptId, acknowledged.getKey()))
                    .as("question %d as last acknowledged", acknowledged.getKey())
                    .isEqualTo(String.valueOf(acknowledged.getValue()));
        }
        assertThat(selected(jdbc, browserAttemptId, 1))
                .as("the browser's retried save")
                .isNotNull();
        page.reload();
        assertThat(page.getByTestId("option").nth(1).locator("input")).isChecked();
        context.close();

        System.out.printf(
                "Database outage drill: page 503 in %d ms, autosave 503 in %d ms, readiness DOWN in %d ms;"
                        + " database away %d ms; app serving again %d ms after the database is back,"
                        + " readiness UP after %d ms, the browser's retried save acknowledged after %d ms;"
                        + " %d saves acknowledged, %d refused during the outage, none lost%n",
                pageTime.toMillis(),
                saveTime.toMillis(),
                readinessTime.toMillis(),
                outage.toMillis(),
                recovery.toMillis(),
                readyAgain.toMillis(),
                browserSaved.toMillis(),
                saver.acknowledged.get(),
                saver.refused.get());
    }

    /**
     * Saves answers to questions 1-5 in turn, each a new choice, as fast as the server answers.
     * A save that was not acknowledged is sent again (as the page does) before moving on, so the
     * last acknowledged choice of each question must be what the database holds.
     */
    static final class Saver implements Runnable {

        final WebSession session;
        final String base;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Map<Integer, Integer> lastAcknowledged = new ConcurrentHashMap<>();

        Saver(WebSession session, String base) {
            this.session = session;
            this.base = base;
        }

        @Override
        public void run() {
            int i = 0;
            while (running.get()) {
                int position = i % 5 + 1;
                int choice = (i / 5) % 4;
                int status;
                try {
                    status = session.post(
                                    base + "/q/" + position + "/answer",
                                    Map.of("choice", String.valueOf(choice)),
                                    "HX-Request",
                                    "true")
                            .statusCode();
                } catch (RuntimeException connectionFailed) {
                    status = -1;
                }
                if (status == 200) {
                    acknowledged.incrementAndGet();
                    lastAcknowledged.put(position, choice);
                    i++;
                } else {
                    refused.incrementAndGet();
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos()); // then the same save again
                }
            }
        }
    }

    static String selected(JdbcClient jdbc, long attemptId, int position) {
        return jdbc.sql("SELECT selected FROM attempt_question WHERE attempt_id = ? AND position = ?")
                .params(attemptId, position)
                .query(String.class)
                .optional()
                .orElse(null);
    }

    static Duration since(long nanoTime) {
        return Duration.ofNanos(System.nanoTime() - nanoTime);
    }

    static void until(String what, BooleanSupplier condition) {
        until(what, condition, Duration.ofSeconds(30));
    }

    static void until(String what, BooleanSupplier condition, Duration limit) {
        long end = System.nanoTime() + limit.toNanos();
        while (!safely(condition)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("Still not true after " + limit.toSeconds() + " s: " + what);
            }
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
    }

    private static boolean safely(BooleanSupplier condition) {
        try {
            return condition.getAsBoolean();
        } catch (RuntimeException notYet) {
            return false;
        }
    }
}
