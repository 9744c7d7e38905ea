package com.cloudsquad.bench;

import com.cloudsquad.support.WebSession;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14's pages at scale: one request at a time (single-request latency, not throughput) on a
 * database loaded by {@link ScaleData}, for the pages that read the big tables: a heavy and a
 * typical candidate's dashboard, history and results page; the admin question list (paging,
 * filters, search, a deep page), users search, problem reports, item statistics, reviews, attempts
 * and the console. Prints p50/p99 and the SQL statements per request (the server's Questions
 * counter: this run is its only client), then EXPLAIN of the queries worth watching.
 * {@code src/bench/run.sh ScalePagesBenchmark <db-dir> [requests per page, default 40] [only pages whose
 * label contains this]}.
 */
public class ScalePagesBenchmark {

    public static void main(String[] args) throws Exception {
        String dir = args[0];
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        only = args.length > 2 ? args[2] : "";
        try (ConfigurableApplicationContext app = ScaleData.start(dir)) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (!ScaleData.loaded(jdbc)) {
                throw new IllegalStateException("Load first: src/bench/run.sh ScaleData " + dir);
            }
            jdbc.sql("SET GLOBAL innodb_buffer_pool_size = 1073741824").update();
            // folders loaded before the loader used the app's reason names (WRONG_KEY)
            jdbc.sql("UPDATE problem_report SET reason = 'WRONG_KEY' WHERE reason = 'WRONG_ANSWER'")
                    .update();
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            // the heaviest candidate (most attempts) and one with a typical few
            List<Object[]> byAttempts = new ArrayList<>();
            for (String having : List.of("ORDER BY COUNT(*) DESC", "HAVING COUNT(*) = 3")) {
                byAttempts.addAll(
                        jdbc.sql("SELECT a.email, COUNT(*) FROM attempt t JOIN account a ON a.id = t.account_id"
                                        + " WHERE t.status = 'SUBMITTED' GROUP BY a.email " + having + " LIMIT 1")
                                .query((rs, n) -> new Object[] {rs.getString(1), rs.getLong(2)})
                                .list());
            }
            Map<String, WebSession> sessions = new LinkedHashMap<>();
            for (Object[] row : byAttempts) {
                WebSession s = new WebSession(port);
                check(s.logIn((String) row[0], ScaleData.PASSWORD), "log in " + row[0]);
                sessions.put(row[0] + " (" + row[1] + " attempts)", s);
            }
            WebSession admin = new WebSession(port);
            check(admin.logIn(ScaleData.ADMIN_EMAIL, ScaleData.PASSWORD), "admin log in");

            System.out.printf(
                    Locale.ROOT,
                    "%n%-58s %9s %9s %9s %7s   (load %.1f)%n",
                    "page",
                    "p50 ms",
                    "p99 ms",
                    "max ms",
                    "stmts",
                    ScaleData.loadAverage());
            for (Map.Entry<String, WebSession> e : sessions.entrySet()) {
                WebSession s = e.getValue();
                String email = e.getKey().substring(0, e.getKey().indexOf(' '));
                long latest = jdbc.sql("""
                                SELECT t.id FROM attempt t JOIN account a ON a.id = t.account_id
                                WHERE a.email = ? AND t.status = 'SUBMITTED' ORDER BY t.id DESC LIMIT 1""").param(email).query(Long.class).single();
                System.out.println(e.getKey());
                page(jdbc, s, "  dashboard", "/dashboard", runs);
                page(jdbc, s, "  history", "/attempts", runs);
                page(jdbc, s, "  exams (start page, missed queue)", "/exams", runs);
                page(jdbc, s, "  results page (latest attempt)", "/attempts/" + latest + "/results", runs);
            }
            System.out.println("admin");
            page(jdbc, admin, "  questions (default: newest first)", "/admin/questions", runs);
            page(jdbc, admin, "  questions page 2", "/admin/questions?page=1", runs);
            page(jdbc, admin, "  questions page 1,000 (OFFSET 25,000)", "/admin/questions?page=1000", runs);
            page(jdbc, admin, "  questions last page (OFFSET ~100,000)", "/admin/questions?page=3999", runs);
            page(jdbc, admin, "  questions status=DRAFT", "/admin/questions?status=DRAFT", runs);
            page(jdbc, admin, "  questions cert+difficulty", "/admin/questions?certification=1&difficulty=2", runs);
            page(jdbc, admin, "  questions tag=kms", "/admin/questions?tag=kms", runs);
            page(jdbc, admin, "  questions sort=difficulty", "/admin/questions?sort=difficulty", runs);
            page(jdbc, admin, "  questions search 'failover subnet'", "/admin/questions?q=failover+subnet", runs);
            page(jdbc, admin, "  questions search 'Question 4242'", "/admin/questions?q=Question+4242", runs);
            page(jdbc, admin, "  users (all)", "/admin/users", runs);
            page(jdbc, admin, "  users page 1,000", "/admin/users?page=1000", runs);
            page(jdbc, admin, "  users search 'ada'", "/admin/users?q=ada", runs);
            page(jdbc, admin, "  users search 'load-0123'", "/admin/users?q=load-0123", runs);
            page(jdbc, admin, "  problem reports (open)", "/admin/reports", runs);
            page(jdbc, admin, "  problem reports (resolved, page 20)", "/admin/reports?status=RESOLVED&page=20", runs);
            page(jdbc, admin, "  item statistics", "/admin/questions/statistics", runs);
            page(jdbc, admin, "  item statistics flagged", "/admin/questions/statistics?flagged=true", runs);
            page(jdbc, admin, "  item statistics page 100", "/admin/questions/statistics?page=100", runs);
            page(jdbc, admin, "  reviews (admin)", "/admin/reviews", runs);
            page(jdbc, admin, "  reviews (public)", "/reviews", runs);
            page(jdbc, admin, "  reviews (public, page 100)", "/reviews?page=100", runs);
            page(jdbc, admin, "  attempts (admin)", "/admin/attempts", runs);
            page(jdbc, admin, "  console", "/admin", runs);
            page(jdbc, admin, "  home", "/", runs);
        }
    }

    static void check(HttpResponse<String> response, String what) {
        if (response.statusCode() >= 400) {
            throw new IllegalStateException(what + ": HTTP " + response.statusCode());
        }
    }

    static long statements(JdbcClient jdbc) {
        return jdbc.sql("SHOW GLOBAL STATUS LIKE 'Questions'")
                .query((rs, n) -> rs.getLong(2))
                .single();
    }

    static String only = "";

    static double[] page(JdbcClient jdbc, WebSession session, String label, String path, int runs) {
        if (!label.contains(only)) {
            return new double[0];
        }
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> warm = session.get(path);
            if (warm.statusCode() != 200) {
                System.out.printf("%-58s HTTP %d%n", label, warm.statusCode());
                return new double[0];
            }
        }
        long before = statements(jdbc);
        double[] millis = new double[runs];
        for (int i = 0; i < runs; i++) {
            long start = System.nanoTime();
            session.get(path);
            millis[i] = (System.nanoTime() - start) / 1e6;
        }
        // the two SHOW statements count themselves once
        double perRequest = (statements(jdbc) - before - 1) / (double) runs;
        Arrays.sort(millis);
        System.out.printf(
                Locale.ROOT,
                "%-58s %9.1f %9.1f %9.1f %7.1f%n",
                label,
                millis[runs / 2],
                millis[Math.min(runs - 1, (int) Math.ceil(runs * 0.99) - 1)],
                millis[runs - 1],
                perRequest);
        return millis;
    }
}
