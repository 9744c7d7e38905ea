package com.cloudsquad.bench;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.support.WebSession;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.function.IntFunction;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 10's dashboard figure: the dashboard of a candidate with 1,000 attempts (30,000 answers)
 * among 100,000 other candidates with 30 answers each (3,000,000 answers), under wrk at 16
 * connections. The progress aggregates are written directly with multi-row INSERTs (what the
 * events would have produced), which takes seconds rather than replaying millions of answers;
 * exam's own tables stay small, as the dashboard never reads answers. Arguments: [seconds, default
 * 30] [other candidates, default 100000].
 */
public class DashboardBenchmark {

    static final long OTHERS_FROM = 50_000_000L;

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
        int others = args.length > 1 ? Integer.parseInt(args[1]) : 100_000;
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run(
                        "--app.embedded-db.dir=target/bench-dashboard-db",
                        "--server.port=0",
                        "--logging.level.root=WARN")) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            JdbcTemplate template = app.getBean(JdbcTemplate.class);
            Certification saa = app.getBean(Catalog.class).byCode("SAA-C03").orElseThrow();

            WebSession me = new WebSession(port);
            String email = WebSession.uniqueEmail("dashboard");
            me.register(email, "Bench Candidate");
            long myId = jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                    .param(email.toLowerCase(Locale.ROOT))
                    .query(Long.class)
                    .single();

            long loaded = jdbc.sql("SELECT COUNT(*) FROM progress_account WHERE account_id >= ?")
                    .param(OTHERS_FROM)
                    .query(Long.class)
                    .single();
            long start = System.nanoTime();
            if (loaded < others) {
                template.update("DELETE FROM progress_attempt WHERE account_id >= " + OTHERS_FROM);
                template.update("DELETE FROM progress_day WHERE account_id >= " + OTHERS_FROM);
                template.update("DELETE FROM progress_domain WHERE account_id >= " + OTHERS_FROM);
                template.update("DELETE FROM progress_achievement WHERE account_id >= " + OTHERS_FROM);
                template.update("DELETE FROM progress_account WHERE account_id >= " + OTHERS_FROM);
                loadOthers(template, saa, others);
            }
            loadCandidate(template, saa, myId, 1_000);
            System.out.printf(
                    "loaded %,d other candidates (%,d answers) and one with 1,000 attempts in %.1f s%n",
                    others, others * 30L, (System.nanoTime() - start) / 1e9);

            String body = me.get("/dashboard?cert=SAA-C03").body();
            if (!body.contains("data-testid=\"trend\"") || !body.contains("Chance of passing")) {
                throw new IllegalStateException("The dashboard did not render its trend");
            }
            Path dir = Files.createDirectories(Path.of("target/bench-dashboard"));
            // the session and CSRF cookies, as the candidate's browser sends them
            Files.writeString(dir.resolve("dashboard.lua"), """
                    wrk.headers["Cookie"] = "%s"
                    wrk.path = "/dashboard?cert=SAA-C03"
                    """.formatted(me.cookieHeader()));
            String base = "http://localhost:" + port;
            WebBenchmark.run(List.of(
                    "wrk",
                    "-t2",
                    "-c16",
                    "-d15s",
                    "-s",
                    dir.resolve("dashboard.lua").toString(),
                    base));
            System.out.printf(
                    "%-34s %10s %10s %10s %8s %9s %9s %10s %6s%n",
                    "endpoint", "req/s", "p50", "p99", "non-2xx", "app ms/r", "db ms/r", "alloc KB/r", "load");
            WebBenchmark.wrk("GET /dashboard (16 connections)", base, dir.resolve("dashboard.lua"), seconds, 16);
            // fewer connections: the latency of one request when the 2 CPUs are not saturated
            WebBenchmark.wrk("GET /dashboard (4 connections)", base, dir.resolve("dashboard.lua"), seconds, 4);
        }
    }

    static void loadOthers(JdbcTemplate template, Certification cert, int others) {
        Random random = new Random(10);
        Instant now = Instant.now();
        insert(
                template,
                "progress_account (account_id, xp, answered)",
                others,
                i -> "(" + (OTHERS_FROM + i) + "," + random.nextInt(600) + ",30)");
        insert(
                template,
                "progress_attempt (attempt_id, account_id, certification_id, mode, local_day, questions, correct,"
                        + " scaled_score, passed, closed_at, answered, xp)",
                others,
                i -> "(" + (OTHERS_FROM + i) + "," + (OTHERS_FROM + i) + "," + cert.id() + ",'READINESS','"
                        + LocalDate.now().minusDays(i % 365) + "',30," + (10 + i % 20) + "," + (400 + i % 500)
                        + "," + (i % 3 == 0 ? 1 : 0) + ",'" + ts(now.minus(i % 365, ChronoUnit.DAYS)) + "',30,300)");
        insert(
                template,
                "progress_day (account_id, local_day, answered)",
                others,
                i -> "(" + (OTHERS_FROM + i) + ",'" + LocalDate.now().minusDays(i % 365) + "',30)");
        List<ExamDomain> domains = cert.domains();
        insert(
                template,
                "progress_domain (account_id, domain_id, certification_id, weight_sum, right_sum, difficulty_sum,"
                        + " weight_sq_sum, answers)",
                others * domains.size(),
                i -> "(" + (OTHERS_FROM + i / domains.size()) + ","
                        + domains.get(i % domains.size()).id() + "," + cert.id() + ",7.0,4.0,14.0,6.5,7)");
        insert(
                template,
                "progress_achievement (account_id, code, certification_id, attempt_id, earned_at)",
                others,
                i -> "(" + (OTHERS_FROM + i) + ",'FIRST_TEST',0," + (OTHERS_FROM + i) + ",'" + ts(now) + "')");
    }

    /** One candidate: attempts over the last 1,000 days, a day row for each, mastery, achievements. */
    static void loadCandidate(JdbcTemplate template, Certification cert, long account, int attempts) {
        for (String table : List.of(
                "progress_attempt", "progress_day", "progress_domain", "progress_achievement", "progress_account")) {
            template.update("DELETE FROM " + table + " WHERE account_id = " + account);
        }
        Instant now = Instant.now();
        long firstAttempt = 90_000_000L + account * 10_000;
        insert(
                template,
                "progress_attempt (attempt_id, account_id, certification_id, mode, local_day, questions, correct,"
                        + " scaled_score, passed, closed_at, answered, xp)",
                attempts,
                i -> "(" + (firstAttempt + i) + "," + account + "," + cert.id() + ",'PRACTICE','"
                        + LocalDate.now().minusDays(attempts - 1 - i) + "',30," + (15 + i % 15) + ","
                        + (500 + i % 400) + "," + (i % 2) + ",'" + ts(now.minus(attempts - 1 - i, ChronoUnit.DAYS))
                        + "',30,400)");
        insert(
                template,
                "progress_day (account_id, local_day, answered)",
                attempts,
                i -> "(" + account + ",'" + LocalDate.now().minusDays(i) + "',30)");
        List<ExamDomain> domains = cert.domains();
        insert(
                template,
                "progress_domain (account_id, domain_id, certification_id, weight_sum, right_sum, difficulty_sum,"
                        + " weight_sq_sum, answers)",
                domains.size(),
                i -> "(" + account + "," + domains.get(i).id() + "," + cert.id() + ",33.3," + (12 + 6 * i)
                        + ",66.0,16.9," + (30_000 / domains.size()) + ")");
        template.update("INSERT INTO progress_account (account_id, xp, answered) VALUES (" + account + ", "
                + attempts * 400 + ", " + attempts * 30 + ")");
        for (String code :
                List.of("FIRST_TEST", "FIRST_PASS", "STREAK_7", "STREAK_30", "ANSWERED_100", "ANSWERED_1000")) {
            template.update(
                    "INSERT INTO progress_achievement (account_id, code, certification_id, attempt_id, earned_at)"
                            + " VALUES (" + account + ", '" + code + "', 0, " + firstAttempt + ", '" + ts(now) + "')");
        }
    }

    static String ts(Instant instant) {
        return instant.toString().replace("T", " ").replace("Z", "");
    }

    /** Multi-row INSERTs of 2,000 rows each. */
    static void insert(JdbcTemplate template, String into, int rows, IntFunction<String> row) {
        for (int from = 0; from < rows; from += 2_000) {
            StringBuilder sql = new StringBuilder("INSERT INTO ").append(into).append(" VALUES ");
            for (int i = from; i < Math.min(rows, from + 2_000); i++) {
                if (i > from) {
                    sql.append(',');
                }
                sql.append(row.apply(i));
            }
            template.update(sql.toString());
        }
    }
}
