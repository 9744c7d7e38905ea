package com.cloudsquad.load;

import io.gatling.javaapi.core.Session;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

/**
 * One exam-day run: its settings (system properties), the candidates it seeds, the saves the app
 * acknowledged, and what it writes for {@link LoadReport}: the run's facts, the saves checked
 * against the database, and CPU and memory of the app and database processes second by second.
 */
public final class LoadRun {

    /** Every seeded candidate's password; the hash below is Spring Security's PBKDF2 of it. */
    static final String PASSWORD = "load-test-password";

    static final String PASSWORD_HASH = "{pbkdf2@SpringSecurity_v5_8}0602581762c3c08b9a7960f43bab58019dafff9d"
            + "341e45796c86b24b725ab2ad9cb1892776ef8054927f1a9b503711bc";
    static final String ADMIN_EMAIL = "load-admin@example.test";

    private final Properties settings;
    private final Path out;
    private volatile long startAt;
    private final Map<String, String> acknowledged = new ConcurrentHashMap<>();
    /** Requests answered, per step and per second since the run began. */
    private final Map<String, java.util.concurrent.atomic.AtomicLongArray> answered = new ConcurrentHashMap<>();

    private final long began = System.currentTimeMillis();
    private final AtomicInteger started = new AtomicInteger();
    private volatile long lastStartedAt;
    private final List<long[]> samples = new ArrayList<>();
    private Thread sampler;

    private LoadRun(Properties settings) {
        this.settings = settings;
        this.out = Path.of(settings.getProperty("out", "target/load/run"));
    }

    static LoadRun fromSystemProperties() {
        return new LoadRun(System.getProperties());
    }

    private int integer(String name, int fallback) {
        return Integer.parseInt(settings.getProperty(name, String.valueOf(fallback)));
    }

    int users() {
        return integer("users", 100);
    }

    /**
     * Log-ins arrive over this many seconds: by default 6 a second (at least 30 s). A log-in costs
     * ~0.3 CPU-s (PBKDF2 at OWASP's 310,000 iterations), so 6 a second keep the 2 cores nearly busy
     * on their own; the test starts only after the ramp, so the ramp does not overlap the measured steps.
     */
    int rampSeconds() {
        return integer("ramp", Math.max(30, users() / 6));
    }

    int startWindowSeconds() {
        return integer("startWindow", 10);
    }

    int questions() {
        return integer("questions", 30);
    }

    int examSeconds() {
        return questions() * (integer("thinkMin", 20) + integer("thinkMax", 60) + 4) / 2 + 30;
    }

    String baseUrl() {
        return settings.getProperty("baseUrl", "http://localhost:8080");
    }

    String certification() {
        return settings.getProperty("certification", "SAA-C03");
    }

    /** Candidates of the warm-up, before exam day proper (property warmUp, default 40). */
    int warmUps() {
        return integer("warmUp", 40);
    }

    Duration think(Session session) {
        if (session.contains("warm")) {
            return Duration.ZERO;
        }
        return Duration.ofMillis(ThreadLocalRandom.current()
                .nextLong(integer("thinkMin", 20) * 1000L, integer("thinkMax", 60) * 1000L + 1));
    }

    /**
     * A soak (seconds &gt; 0): candidates arrive at a steady rate for this long and start as soon as
     * they have logged in, so that about {@link #users()} sit the test at any moment.
     */
    int soakSeconds() {
        return integer("soak", 0);
    }

    /** Accounts the candidates' feeder hands out. */
    int candidates() {
        return soakSeconds() > 0 ? (int) Math.ceil(soakArrivalsPerSecond() * soakSeconds()) + 10 : users();
    }

    /** Arrivals per second that keep {@link #users()} candidates in the test at once (Little's law). */
    double soakArrivalsPerSecond() {
        return users() / (double) examSeconds();
    }

    /** Until this candidate's moment in the synchronised start: all within the start window. */
    Duration untilStart(Session session) {
        if (soakSeconds() > 0 || session.contains("warm")) {
            return Duration.ZERO;
        }
        long at = startAt + ThreadLocalRandom.current().nextLong(startWindowSeconds() * 1000L);
        return Duration.ofMillis(Math.max(0, at - System.currentTimeMillis()));
    }

    /** Exam day's candidates; the first one's arrival sets the synchronised start (after the ramp). */
    Iterator<Map<String, Object>> candidateFeeder() {
        Iterator<Map<String, Object>> accounts = feeder("load-%05d@example.test", 1, 0);
        return new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public Map<String, Object> next() {
                synchronized (LoadRun.this) {
                    if (startAt == 0) {
                        startAt = System.currentTimeMillis() + (rampSeconds() + 10) * 1000L;
                        snapshotAppCpu();
                    }
                }
                return accounts.next();
            }
        };
    }

    /** The app's CPU per route after the warm-up, so that the report counts exam day's requests only. */
    private void snapshotAppCpu() {
        Thread snapshot = new Thread(() -> {
            try {
                Files.createDirectories(out);
                Properties before = new Properties();
                LoadReport.appCpuPerRoute(baseUrl())
                        .forEach((route, figures) -> before.setProperty(route, figures[0] + "," + figures[1]));
                try (var writer = Files.newBufferedWriter(out.resolve("cpu-after-warm-up.properties"))) {
                    before.store(writer, "cloudsquad.http.server.cpu count,total per route after the warm-up");
                }
            } catch (Exception e) {
                System.err.println("No CPU snapshot after the warm-up: " + e);
            }
        });
        snapshot.setDaemon(true);
        snapshot.start();
    }

    Iterator<Map<String, Object>> warmUpFeeder() {
        return feeder("load-w-%05d@example.test", 1, 200_000);
    }

    /**
     * The candidates browsing the dashboard and history: accounts of their own from load-50001 on,
     * so that on a ScaleData database (load-00001 to load-100000, with their history) they read
     * real histories; on a fresh one they are seeded empty.
     */
    Iterator<Map<String, Object>> browserFeeder() {
        return feeder("load-%05d@example.test", BROWSER_FIRST, 100_000);
    }

    static final int BROWSER_FIRST = 50_001;

    private static Iterator<Map<String, Object>> feeder(String emails, int first, int addressOffset) {
        AtomicInteger next = new AtomicInteger(first - 1);
        return java.util.stream.Stream.generate(() -> {
                    int n = next.incrementAndGet();
                    int a = n + addressOffset;
                    Map<String, Object> record = new HashMap<>();
                    record.put("email", String.format(emails, n));
                    record.put("address", "10." + (a >> 16 & 255) + "." + (a >> 8 & 255) + "." + (a & 255));
                    return record;
                })
                .iterator();
    }

    Session started(Session session) {
        started.incrementAndGet();
        lastStartedAt = System.currentTimeMillis();
        return session;
    }

    Session answered(String step, Session session) {
        int second = (int) Math.min(86_399, (System.currentTimeMillis() - began) / 1000);
        answered.computeIfAbsent(step, s -> new java.util.concurrent.atomic.AtomicLongArray(86_400))
                .incrementAndGet(second);
        return session;
    }

    void acknowledged(long attempt, int position, String choice) {
        acknowledged.put(attempt + ":" + position, choice);
    }

    private Connection database() throws SQLException {
        return DriverManager.getConnection(settings.getProperty("dbUrl"), "root", "");
    }

    /** Seeds the candidates (idempotent), then sets the synchronised start and starts sampling. */
    void prepare() {
        int browsers = Math.max(1, users() / 10);
        long seeding = System.nanoTime();
        try (Connection db = database()) {
            int bufferPoolMb = integer("bufferPoolMb", 0);
            if (bufferPoolMb > 0) {
                // The embedded server's default (128 MB) is far below what a database of this size
                // gets in production (RDS gives InnoDB about three quarters of the instance's memory).
                try (var statement = db.createStatement()) {
                    statement.execute("SET GLOBAL innodb_buffer_pool_size = " + bufferPoolMb * 1024L * 1024L);
                }
                if (integer("warm", 0) == 1) {
                    warm(db, bufferPoolMb);
                }
            }
            db.setAutoCommit(false);
            if (candidates() >= BROWSER_FIRST) {
                throw new IllegalStateException("At most " + (BROWSER_FIRST - 1) + " candidates");
            }
            seed(db, "load-%05d@example.test", 1, candidates(), false);
            seed(db, "load-%05d@example.test", BROWSER_FIRST, browsers, false);
            seed(db, "load-w-%05d@example.test", 1, warmUps(), false);
            seed(db, ADMIN_EMAIL, 1, 1, true);
            db.commit();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not seed the candidates", e);
        }
        System.out.printf(
                "Seeded %d candidates, %d browsers and an admin in %d ms%n",
                candidates(), browsers, (System.nanoTime() - seeding) / 1_000_000);
        sampler = new Thread(this::sample, "cpu-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /**
     * Reads the tables a start and the question pages touch, every index of each, into the buffer
     * pool: a database that has served for days, rather than one just started (the default, cold).
     */
    private static void warm(Connection db, int bufferPoolMb) throws SQLException {
        long began = System.nanoTime();
        try (var statement = db.createStatement()) {
            // the resize runs in the background: wait until the pool has its pages
            for (int i = 0; i < 120; i++) {
                try (ResultSet rs =
                        statement.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_buffer_pool_pages_total'")) {
                    if (rs.next() && rs.getLong(2) * 16 / 1024 >= bufferPoolMb * 95L / 100) {
                        break;
                    }
                }
                sleep(500);
            }
            List<String[]> indexes = new ArrayList<>();
            try (ResultSet rs = statement.executeQuery("""
                    SELECT DISTINCT table_name, index_name FROM information_schema.statistics
                    WHERE table_schema = DATABASE() AND index_type = 'BTREE'
                      AND table_name IN ('attempt_question', 'attempt', 'question', 'question_version',
                                         'question_option', 'account', 'SPRING_SESSION')""")) {
                while (rs.next()) {
                    indexes.add(new String[] {rs.getString(1), rs.getString(2)});
                }
            }
            for (String[] index : indexes) {
                statement
                        .executeQuery("SELECT COUNT(*) FROM `" + index[0] + "` FORCE INDEX (`" + index[1] + "`)")
                        .close();
            }
            System.out.printf(
                    "Warmed %d indexes into a %d MB buffer pool in %d ms%n",
                    indexes.size(), bufferPoolMb, (System.nanoTime() - began) / 1_000_000);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void seed(Connection db, String emails, int first, int count, boolean admin) throws SQLException {
        try (PreparedStatement insert = db.prepareStatement(
                "INSERT IGNORE INTO account (email, email_key, display_name, password_hash, time_zone, created_at,"
                        + " email_verified_at, admin_granted) VALUES (?, ?, ?, ?, 'UTC', ?, ?, ?)")) {
            Timestamp now = Timestamp.from(Instant.now());
            for (int n = first; n < first + count; n++) {
                String email = String.format(emails, n);
                insert.setString(1, email);
                insert.setString(2, email);
                insert.setString(3, admin ? "Load admin" : "Candidate " + n);
                insert.setString(4, PASSWORD_HASH);
                insert.setTimestamp(5, now);
                insert.setTimestamp(6, now);
                insert.setBoolean(7, admin);
                insert.addBatch();
                if (n % 1000 == 0) {
                    insert.executeBatch();
                }
            }
            insert.executeBatch();
        }
    }

    /** CPU ticks (1/100 s) of the app, the database and this load generator, and the app's RSS, each second. */
    private void sample() {
        long app = Long.parseLong(settings.getProperty("appPid", "0"));
        long db = Long.parseLong(settings.getProperty("dbPid", "0"));
        long self = ProcessHandle.current().pid();
        while (!Thread.currentThread().isInterrupted()) {
            long[] sample = {System.currentTimeMillis(), ticks(app), ticks(db), ticks(self), rssKb(app), rssKb(db)};
            synchronized (samples) {
                samples.add(sample);
            }
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    static long ticks(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            return Long.parseLong(fields[11]) + Long.parseLong(fields[12]); // utime + stime
        } catch (IOException | RuntimeException e) {
            return -1;
        }
    }

    static long rssKb(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("\\D", ""));
                }
            }
        } catch (IOException | RuntimeException e) {
            // gone
        }
        return -1;
    }

    /** Checks every acknowledged save against the database and writes the run's facts for the report. */
    void finish() {
        if (sampler != null) {
            sampler.interrupt();
        }
        Map<String, String> stored = new HashMap<>();
        List<Long> attempts = acknowledged.keySet().stream()
                .map(key -> Long.parseLong(key.substring(0, key.indexOf(':'))))
                .distinct()
                .toList();
        try (Connection db = database()) {
            for (int from = 0; from < attempts.size(); from += 1000) {
                List<Long> chunk = attempts.subList(from, Math.min(attempts.size(), from + 1000));
                String in = String.join(
                        ",", IntStream.range(0, chunk.size()).mapToObj(i -> "?").toList());
                try (PreparedStatement select = db.prepareStatement(
                        "SELECT attempt_id, position, selected FROM attempt_question WHERE attempt_id IN (" + in
                                + ")")) {
                    for (int i = 0; i < chunk.size(); i++) {
                        select.setLong(i + 1, chunk.get(i));
                    }
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) {
                            stored.put(rows.getLong(1) + ":" + rows.getInt(2), rows.getString(3));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the saved answers back", e);
        }
        long missing = acknowledged.entrySet().stream()
                .filter(ack -> !ack.getValue().equals(stored.get(ack.getKey())))
                .count();
        Properties facts = new Properties();
        facts.setProperty("began", String.valueOf(began));
        facts.setProperty("users", String.valueOf(users()));
        facts.setProperty("soakSeconds", String.valueOf(soakSeconds()));
        facts.setProperty("questions", String.valueOf(questions()));
        facts.setProperty("thinkMin", String.valueOf(integer("thinkMin", 20)));
        facts.setProperty("thinkMax", String.valueOf(integer("thinkMax", 60)));
        facts.setProperty("bufferPoolMb", String.valueOf(integer("bufferPoolMb", 0)));
        facts.setProperty("warm", String.valueOf(integer("warm", 0)));
        facts.setProperty("rampSeconds", String.valueOf(rampSeconds()));
        facts.setProperty("startAt", String.valueOf(startAt));
        facts.setProperty("startWindowSeconds", String.valueOf(startWindowSeconds()));
        facts.setProperty("started", String.valueOf(started.get()));
        facts.setProperty("lastStartedAt", String.valueOf(lastStartedAt));
        facts.setProperty("acknowledgedSaves", String.valueOf(acknowledged.size()));
        facts.setProperty("savesNotInDatabase", String.valueOf(missing));
        try {
            Files.createDirectories(out);
            try (var writer = Files.newBufferedWriter(out.resolve("facts.properties"))) {
                facts.store(writer, "exam-day run");
            }
            List<String> lines = new ArrayList<>(List.of("epochMs,appTicks,dbTicks,loadTicks,appRssKb,dbRssKb"));
            synchronized (samples) {
                samples.forEach(s -> lines.add(s[0] + "," + s[1] + "," + s[2] + "," + s[3] + "," + s[4] + "," + s[5]));
            }
            Files.write(out.resolve("samples.csv"), lines);
            List<String> perSecond = new ArrayList<>(List.of("second,step,requests"));
            answered.forEach((step, seconds) -> {
                for (int i = 0; i < seconds.length(); i++) {
                    if (seconds.get(i) > 0) {
                        perSecond.add(i + "," + step + "," + seconds.get(i));
                    }
                }
            });
            Files.write(out.resolve("requests.csv"), perSecond);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        System.out.printf(
                "%d saves acknowledged, %d not in the database as acknowledged%n", acknowledged.size(), missing);
        acknowledged.entrySet().stream()
                .filter(ack -> !ack.getValue().equals(stored.get(ack.getKey())))
                .limit(5)
                .forEach(ack -> System.out.printf(
                        "  attempt:position %s acknowledged %s, stored %s%n",
                        ack.getKey(), ack.getValue(), stored.get(ack.getKey())));
    }
}
