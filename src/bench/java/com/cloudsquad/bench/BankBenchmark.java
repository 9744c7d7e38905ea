package com.cloudsquad.bench;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.bank.QuestionBank;
import com.cloudsquad.bank.QuestionFilter;
import com.cloudsquad.bank.QuestionImport;
import com.cloudsquad.bank.QuestionStatus;
import com.cloudsquad.catalog.Catalog;
import com.cloudsquad.catalog.Certification;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.support.WebSession;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 3's figures: the admin list over 100,000 questions (service time and whole rendered
 * page) and a 5,000-question JSON import through the real pipeline.
 */
public class BankBenchmark {

    static final int BANK_SIZE = 100_000;
    static final String ADMIN = "bench-admin@cloudsquad.test";

    public static void main(String[] args) throws Exception {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(CloudSquadApplication.class)
                .run(
                        "--app.embedded-db.dir=target/bench-db",
                        "--server.port=0",
                        "--app.seed.enabled=false",
                        "--app.admin-emails=" + ADMIN,
                        "--logging.level.root=WARN")) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            QuestionBank bank = app.getBean(QuestionBank.class);
            Catalog catalog = app.getBean(Catalog.class);
            Certification saa = catalog.byCode("SAA-C03").orElseThrow();
            long existing = bank.count();
            if (existing < BANK_SIZE) {
                long start = System.nanoTime();
                BulkBank.fill(jdbc, catalog, (int) (BANK_SIZE - existing));
                System.out.printf(
                        "generated %,d questions in %.1f s%n", BANK_SIZE - existing, (System.nanoTime() - start) / 1e9);
            }
            System.out.printf("bank: %,d questions%n%n", bank.count());

            ExamDomain domain = saa.domains().get(1);
            System.out.println("Admin list, service (SQL + mapping), 25 rows a page:");
            Stopwatch.measure("first page, no filter", 20, 200, () -> bank.search(QuestionFilter.all()));
            Stopwatch.measure(
                    "status PUBLISHED",
                    20,
                    200,
                    () -> bank.search(filter(null, null, null, QuestionStatus.PUBLISHED, null, 0)));
            Stopwatch.measure(
                    "domain + difficulty 3", 20, 200, () -> bank.search(filter(null, domain.id(), 3, null, null, 0)));
            Stopwatch.measure("tag 'kms'", 20, 200, () -> bank.search(filter(null, null, null, null, "kms", 0)));
            Stopwatch.measure(
                    "text '4242' (a handful of matches)",
                    20,
                    200,
                    () -> bank.search(filter("4242", null, null, null, null, 0)));
            Stopwatch.measure(
                    "text 'encryption bucket' (matches every question)",
                    20,
                    200,
                    () -> bank.search(filter("encryption bucket", null, null, null, null, 0)));
            Stopwatch.measure(
                    "page 2,000 (offset 50,000)",
                    20,
                    200,
                    () -> bank.search(filter(null, null, null, null, null, 2000)));

            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            WebSession admin = new WebSession(port);
            if (admin.register(ADMIN, "Bench Admin", WebSession.PASSWORD).statusCode() != 302) {
                admin.logIn(ADMIN, WebSession.PASSWORD);
            }
            System.out.println("\nAdmin list, whole request over HTTP (security, session, SQL, Thymeleaf):");
            Stopwatch.measure("GET /admin/questions", 20, 200, () -> admin.get("/admin/questions"));
            Stopwatch.measure(
                    "GET /admin/questions?difficulty=3&tag=kms",
                    20,
                    200,
                    () -> admin.get("/admin/questions?difficulty=3&tag=kms"));
            Stopwatch.measure(
                    "htmx GET /admin/questions?q=4242",
                    20,
                    200,
                    () -> admin.get("/admin/questions?q=4242", "HX-Request", "true"));
            Stopwatch.measure(
                    "htmx GET /admin/questions?q=encryption",
                    20,
                    200,
                    () -> admin.get("/admin/questions?q=encryption", "HX-Request", "true"));

            System.out.println("\nImport through the real pipeline (parse, check, store in one transaction):");
            QuestionImport imports = app.getBean(QuestionImport.class);
            byte[] file = BulkBank.json(5_000, new Random(7)).getBytes(StandardCharsets.UTF_8);
            long start = System.nanoTime();
            int created = imports.importAll("json", file, "bench");
            System.out.printf(
                    "imported %,d questions (%,d KB of JSON) in %.2f s%n",
                    created, file.length / 1024, (System.nanoTime() - start) / 1e9);
        }
    }

    static QuestionFilter filter(
            String text, Long domain, Integer difficulty, QuestionStatus status, String tag, int page) {
        return new QuestionFilter(text, null, domain, difficulty, status, tag, null, page, 25);
    }
}
