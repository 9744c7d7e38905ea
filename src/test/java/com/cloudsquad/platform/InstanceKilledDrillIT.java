package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.support.WebSession;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Failure drill: two instances on one database, as behind the load balancer, and one of them is
 * killed with SIGKILL mid-exam (a child JVM: {@link Process#destroyForcibly()}). Instance A is
 * that child process; instance B runs in this JVM; both on the test run's MariaDB. Asserted: the
 * candidates go on at B with the same session cookie, every answer A acknowledged is there, and
 * the deadline job closes every overdue attempt exactly once (closed once, one AttemptSubmitted
 * delivery per listener, one progress ledger row, XP counted once), both while the two instances
 * race for them and after A is gone.
 */
class InstanceKilledDrillIT {

    static final int CANDIDATES = 4;

    final Path log =
            Path.of("target", "drill-instance-a-" + UUID.randomUUID() + ".log").toAbsolutePath();
    EmbeddedMariaDb database;
    Process instanceA;
    ConfigurableApplicationContext instanceB;

    @AfterEach
    void stopAll() throws IOException {
        if (instanceA != null && instanceA.isAlive()) {
            instanceA.destroyForcibly();
        }
        if (instanceB != null) {
            instanceB.close();
        }
        if (database != null) {
            database.release();
        }
        Files.deleteIfExists(log);
    }

    @Test
    void oneOfTwoInstancesIsKilledMidExamAndTheCandidatesGoOnAtTheOther() throws Exception {
        // the test run's MariaDB (app.embedded-db.dir from failsafe), as the other ITs use it
        database = EmbeddedMariaDb.acquire(
                Path.of(System.getProperty("app.embedded-db.dir", "target/it-db")),
                EmbeddedDatabaseConfiguration.DATABASE_NAME);
        int portA = freePort();
        long startingA = System.nanoTime();
        instanceA = startChildInstance(portA, database.jdbcUrl(EmbeddedDatabaseConfiguration.DATABASE_NAME));
        instanceB = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run("--server.port=0", "--spring.main.banner-mode=off", "--app.exam.overdue-check=PT1S");
        int portB = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
        JdbcClient jdbc = instanceB.getBean(JdbcClient.class);
        WebSession probeA = new WebSession(portA);
        untilReady(probeA);
        System.out.printf(
                "Instance A (child JVM) ready after %d ms%n", since(startingA).toMillis());

        // ---- Candidates take readiness tests on A ---------------------------------------------
        List<Candidate> candidates = new ArrayList<>();
        for (int i = 0; i < CANDIDATES; i++) {
            WebSession onB = new WebSession(portB);
            String name = "Kim Killdrill " + i;
            onB.register(WebSession.uniqueEmail("killdrill"), name);
            String cookie = onB.sessionCookie().orElseThrow();
            WebSession onA = new WebSession(portA);
            onA.useSessionCookie(cookie); // a session made on B is good on A (sessions in the database)
            onA.get("/exams");
            HttpResponse<String> started = onA.post("/exams/SAA-C03/start", Map.of("mode", "READINESS"));
            String base = WebSession.attemptBase(started);
            assertThat(base).as("an attempt started on A").matches("/attempts/\\d+");
            onA.get(base + "/q/1");
            for (int position = 1; position <= 3; position++) {
                assertThat(onA.post(
                                        base + "/q/" + position + "/answer",
                                        Map.of("choice", String.valueOf(position % 4)),
                                        "HX-Request",
                                        "true")
                                .statusCode())
                        .isEqualTo(200);
            }
            candidates.add(
                    new Candidate(name, cookie, base, Long.parseLong(base.substring("/attempts/".length())), onA));
        }
        List<Candidate> racedWhileBothRun = candidates.subList(0, 2);
        List<Candidate> goOnAfterTheKill = candidates.subList(2, CANDIDATES);

        // ---- Two deadlines pass while both instances run their deadline job --------------------
        for (Candidate c : racedWhileBothRun) {
            makeOverdue(jdbc, c.attemptId);
        }
        for (Candidate c : racedWhileBothRun) {
            assertClosedOnce(jdbc, c.attemptId);
        }

        // ---- A is killed while candidates save answers on it -----------------------------------
        List<Saver> savers = new ArrayList<>();
        List<Thread> threads = new ArrayList<>();
        for (Candidate c : goOnAfterTheKill) {
            Saver saver = new Saver(c.onA, c.base);
            savers.add(saver);
            Thread thread = new Thread(saver, "drill-saver-" + c.attemptId);
            threads.add(thread);
            thread.start();
        }
        until("saves acknowledged on A", () -> savers.stream().allMatch(s -> s.acknowledged.get() >= 5));
        long killed = System.nanoTime();
        instanceA.destroyForcibly(); // SIGKILL: no shutdown hook, no graceful shutdown
        assertThat(instanceA.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(instanceA.exitValue()).as("killed by SIGKILL").isEqualTo(137);
        until("the savers met the dead instance", () -> savers.stream().allMatch(s -> s.refused.get() > 0));
        for (Saver saver : savers) {
            saver.running.set(false);
        }
        for (Thread thread : threads) {
            thread.join(10_000);
        }

        // ---- The candidates go on at B with the same cookie -------------------------------------
        long continuing = System.nanoTime();
        for (int i = 0; i < goOnAfterTheKill.size(); i++) {
            Candidate c = goOnAfterTheKill.get(i);
            Saver saver = savers.get(i);
            for (Map.Entry<Integer, Integer> acknowledged : saver.lastAcknowledged.entrySet()) {
                int position = acknowledged.getKey();
                // what A acknowledged last, unless the save A got but never answered was later
                List<String> allowed = new ArrayList<>(List.of(String.valueOf(acknowledged.getValue())));
                if (saver.unanswered.containsKey(position)) {
                    allowed.add(String.valueOf(saver.unanswered.get(position)));
                }
                assertThat(selected(jdbc, c.attemptId, position))
                        .as("attempt %d question %d as A acknowledged it", c.attemptId, position)
                        .isIn(allowed);
            }
            WebSession onB = new WebSession(portB);
            onB.useSessionCookie(c.cookie);
            HttpResponse<String> page = onB.get(c.base + "/q/4");
            assertThat(page.statusCode()).as("still logged in, on B").isEqualTo(200);
            assertThat(page.body()).contains(c.name).containsPattern("3 of \\d+ answered");
            assertThat(onB.post(c.base + "/q/4/answer", Map.of("choice", "2"), "HX-Request", "true")
                            .statusCode())
                    .isEqualTo(200);
            assertThat(onB.get(c.base + "/q/4").body()).containsPattern("4 of \\d+ answered");
        }
        Duration continued = since(continuing);

        // ---- and their deadlines pass with A gone: B closes them, once ---------------------------
        for (Candidate c : goOnAfterTheKill) {
            makeOverdue(jdbc, c.attemptId);
        }
        for (Candidate c : goOnAfterTheKill) {
            assertClosedOnce(jdbc, c.attemptId);
        }
        System.out.printf(
                "Instance-killed drill: A killed %d ms before the last candidate had gone on at B"
                        + " (%d ms for %d candidates to go on); %d saves acknowledged by A, all in the database;"
                        + " %d attempts closed once each%n",
                since(killed).toMillis(),
                continued.toMillis(),
                goOnAfterTheKill.size(),
                savers.stream().mapToInt(s -> s.acknowledged.get()).sum(),
                candidates.size());
    }

    record Candidate(String name, String cookie, String base, long attemptId, WebSession onA) {}

    Process startChildInstance(int port, String jdbcUrl) throws IOException {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                // a quick start on a busy machine: this instance lives for seconds
                "-XX:TieredStopAtLevel=1",
                "-XX:+UseSerialGC",
                "-Xmx512m",
                "-cp",
                System.getProperty("java.class.path"),
                CloudSquadApplication.class.getName(),
                "--server.port=" + port,
                "--spring.datasource.url=" + jdbcUrl,
                "--spring.datasource.username=root",
                "--spring.datasource.password=",
                "--app.exam.overdue-check=PT1S",
                "--app.seed.enabled=false",
                "--spring.main.banner-mode=off");
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
    }

    void untilReady(WebSession probe) throws IOException {
        long end = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (status(probe, "/actuator/health/readiness") != 200) {
            if (!instanceA.isAlive() || System.nanoTime() > end) {
                List<String> lines = Files.readAllLines(log);
                throw new AssertionError("instance A is not ready; its output ends with:\n"
                        + String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size())));
            }
            LockSupport.parkNanos(Duration.ofMillis(250).toNanos());
        }
    }

    static int status(WebSession probe, String path) {
        try {
            return probe.get(path).statusCode();
        } catch (RuntimeException notListeningYet) {
            return -1;
        }
    }

    static void makeOverdue(JdbcClient jdbc, long attemptId) {
        jdbc.sql("UPDATE attempt SET deadline_at = ? WHERE id = ?")
                .params(Timestamp.from(Instant.now().minus(Duration.ofHours(1))), attemptId)
                .update();
    }

    /** Closed by the clock, and everything that follows a close happened exactly once. */
    static void assertClosedOnce(JdbcClient jdbc, long attemptId) {
        until("attempt " + attemptId + " closed by the deadline job", () -> "EXPIRED"
                .equals(jdbc.sql("SELECT status FROM attempt WHERE id = ?")
                        .param(attemptId)
                        .query(String.class)
                        .single()));
        String event = "%\"attemptId\":" + attemptId + ",%";
        until(
                "every listener handled attempt " + attemptId + "'s AttemptSubmitted",
                () -> jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE SERIALIZED_EVENT LIKE ?"
                                        + " AND COMPLETION_DATE IS NULL")
                                .param(event)
                                .query(Integer.class)
                                .single()
                        == 0);
        List<Map<String, Object>> perListener = jdbc.sql(
                        "SELECT LISTENER_ID, COUNT(*) AS deliveries FROM EVENT_PUBLICATION"
                                + " WHERE SERIALIZED_EVENT LIKE ? GROUP BY LISTENER_ID")
                .param(event)
                .query()
                .listOfRows();
        assertThat(perListener)
                .extracting(row -> row.get("LISTENER_ID").toString())
                .anyMatch(id -> id.contains("progress"));
        assertThat(perListener).as("one AttemptSubmitted per listener").allSatisfy(row -> assertThat(
                        ((Number) row.get("deliveries")).intValue())
                .isEqualTo(1));
        assertThat(jdbc.sql("SELECT COUNT(*) FROM progress_attempt WHERE attempt_id = ?")
                        .param(attemptId)
                        .query(Integer.class)
                        .single())
                .as("one ledger row")
                .isEqualTo(1);
        long account = jdbc.sql("SELECT account_id FROM attempt WHERE id = ?")
                .param(attemptId)
                .query(Long.class)
                .single();
        long ledgerXp = jdbc.sql("SELECT COALESCE(SUM(xp), 0) FROM progress_attempt WHERE account_id = ?")
                .param(account)
                .query(Long.class)
                .single();
        long accountXp = jdbc.sql("SELECT xp FROM progress_account WHERE account_id = ?")
                .param(account)
                .query(Long.class)
                .single();
        assertThat(accountXp).as("XP counted once").isEqualTo(ledgerXp);
    }

    /** Saves questions 1-3 in turn with new choices; an unacknowledged save is sent again first. */
    static final class Saver implements Runnable {

        final WebSession session;
        final String base;
        final AtomicBoolean running = new AtomicBoolean(true);
        final AtomicInteger acknowledged = new AtomicInteger();
        final AtomicInteger refused = new AtomicInteger();
        final Map<Integer, Integer> lastAcknowledged = new ConcurrentHashMap<>();
        /** The save whose answer never came (A died): it may or may not have committed. */
        final Map<Integer, Integer> unanswered = new ConcurrentHashMap<>();

        Saver(WebSession session, String base) {
            this.session = session;
            this.base = base;
        }

        @Override
        public void run() {
            int i = 0;
            while (running.get()) {
                int position = i % 3 + 1;
                int choice = (i / 3) % 4;
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
                    unanswered.put(position, choice);
                    LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
                }
            }
        }
    }

    static String selected(JdbcClient jdbc, long attemptId, int position) {
        return DatabaseOutageDrillIT.selected(jdbc, attemptId, position);
    }

    static void until(String what, java.util.function.BooleanSupplier condition) {
        DatabaseOutageDrillIT.until(what, condition, Duration.ofSeconds(45));
    }

    static Duration since(long nanoTime) {
        return DatabaseOutageDrillIT.since(nanoTime);
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
