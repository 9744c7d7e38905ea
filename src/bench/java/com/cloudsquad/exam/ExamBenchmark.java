package com.cloudsquad.exam;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.bench.BulkBank;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 5's selection figure (in the exam package: it drives the package-private lifecycle service): starting a 30-question readiness test on a 1,000-question and on a
 * 100,000-question bank (each its own certification), through the real service. The draw reads
 * a window of the (domain, status, random_key) index, so the two should cost about the same.
 */
public class ExamBenchmark {

    static final int WARMUP = 30;
    static final int RUNS = 300;

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run(
                        "--app.embedded-db.dir=target/bench-exam-db",
                        "--server.port=0",
                        "--app.seed.enabled=false",
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            Catalog catalog = app.getBean(Catalog.class);
            Attempts attempts = app.getBean(Attempts.class);
            Certification small = bank(jdbc, catalog, "BENCH-1K", 1_000);
            Certification large = bank(jdbc, catalog, "BENCH-100K", 100_000);

            System.out.println("Start a 30-question readiness test (draw by domain weights, shuffle, insert),");
            System.out.println("the two banks measured alternately so that both see the same conditions:");
            List<Long> accounts = new ArrayList<>();
            for (int i = 0; i < 2 * (WARMUP + RUNS); i++) {
                accounts.add(account(jdbc));
            }
            double[] smallMs = new double[RUNS];
            double[] largeMs = new double[RUNS];
            int next = 0;
            for (int i = 0; i < WARMUP + RUNS; i++) {
                double s = time(attempts, small, accounts.get(next++));
                double l = time(attempts, large, accounts.get(next++));
                if (i >= WARMUP) {
                    smallMs[i - WARMUP] = s;
                    largeMs[i - WARMUP] = l;
                }
            }
            print("1,000-question bank", smallMs);
            print("100,000-question bank", largeMs);
            System.out.printf(
                    "%nratio 100k / 1k: p50 %.2f×, p95 %.2f× (goal ≤ 1.2×)%n",
                    largeMs[RUNS / 2] / smallMs[RUNS / 2], largeMs[(int) (RUNS * 0.95)] / smallMs[(int) (RUNS * 0.95)]);
        }
    }

    static double time(Attempts attempts, Certification certification, long account) {
        long start = System.nanoTime();
        attempts.start(account, certification, Attempts.StartRequest.of(AttemptMode.READINESS));
        return (System.nanoTime() - start) / 1e6;
    }

    static void print(String label, double[] millis) {
        java.util.Arrays.sort(millis);
        int n = millis.length;
        System.out.printf(
                "%-48s p50 %7.2f ms   p95 %7.2f ms   max %7.2f ms   (n=%d)%n",
                label, millis[n / 2], millis[(int) (n * 0.95)], millis[n - 1], n);
    }

    static Certification bank(JdbcClient jdbc, Catalog catalog, String code, int size) {
        if (catalog.byCode(code).isEmpty()) {
            jdbc.sql("""
                            INSERT INTO certification (code, name, exam_questions, exam_minutes, passing_score)
                            VALUES (?, ?, 65, 130, 720)""").params(code, "Benchmark " + code).update();
            long id = jdbc.sql("SELECT id FROM certification WHERE code = ?")
                    .param(code)
                    .query(Long.class)
                    .single();
            int[] weights = {30, 26, 24, 20};
            for (int i = 0; i < weights.length; i++) {
                jdbc.sql(
                                "INSERT INTO exam_domain (certification_id, position, name, weight_percent) VALUES (?, ?, ?, ?)")
                        .params(id, i + 1, "Domain " + (i + 1), weights[i])
                        .update();
            }
            long start = System.nanoTime();
            BulkBank.fill(jdbc, catalog.byCode(code).orElseThrow().domains(), size);
            System.out.printf(
                    "generated %,d questions for %s in %.1f s%n", size, code, (System.nanoTime() - start) / 1e9);
        }
        Certification certification = catalog.byCode(code).orElseThrow();
        long count = jdbc.sql("SELECT COUNT(*) FROM question WHERE certification_id = ?")
                .param(certification.id())
                .query(Long.class)
                .single();
        System.out.printf("%s: %,d questions%n", code, count);
        return certification;
    }

    static long account(JdbcClient jdbc) {
        String email = "bench-" + UUID.randomUUID() + "@example.test";
        jdbc.sql(
                        "INSERT INTO account (email, email_key, display_name, password_hash, created_at) VALUES (?, ?, 'b', 'x', ?)")
                .params(email, email, Timestamp.from(Instant.now()))
                .update();
        return jdbc.sql("SELECT id FROM account WHERE email_key = ?")
                .param(email)
                .query(Long.class)
                .single();
    }
}
