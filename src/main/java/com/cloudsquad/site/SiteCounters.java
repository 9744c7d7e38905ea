package com.cloudsquad.site;

import com.cloudsquad.exam.AttemptSubmitted;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The home page's public counters: tests taken and visitors. Each is one row incremented
 * atomically ({@code INSERT ... ON DUPLICATE KEY UPDATE n = n + 1}), so any number of instances
 * count correctly and a page view reads two rows. A visitor is a salted SHA-256 of address and
 * user agent, unique per UTC day; the salt is random per day, shared by the instances through the
 * database, and deleted with the day's hashes once the day is over. Raw addresses are never stored;
 * known bots (by user agent) and requests without one are not counted.
 */
@Component
class SiteCounters {

    static final String TESTS = "tests";
    static final String VISITORS = "visitors";

    private static final Pattern BOTS = Pattern.compile(
            "bot|crawl|spider|slurp|facebookexternalhit|preview|monitor|curl|wget|python|java/|httpclient|okhttp|go-http|headless|lighthouse|wrk",
            Pattern.CASE_INSENSITIVE);

    private final JdbcClient jdbc;
    private final Clock clock;
    // the salt must be unguessable (not the app's seedable randomness): it is what keeps hashes unlinkable
    private final SecureRandom random = new SecureRandom();
    private final AtomicReference<Map.Entry<LocalDate, byte[]>> salt = new AtomicReference<>();

    SiteCounters(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    record Counts(long tests, long visitors) {}

    Counts counts() {
        long[] counts = new long[2];
        jdbc.sql("SELECT name, n FROM site_counter").query(rs -> {
            if (TESTS.equals(rs.getString("name"))) {
                counts[0] = rs.getLong("n");
            } else if (VISITORS.equals(rs.getString("name"))) {
                counts[1] = rs.getLong("n");
            }
        });
        return new Counts(counts[0], counts[1]);
    }

    static boolean isBot(String userAgent) {
        return userAgent == null
                || userAgent.isBlank()
                || BOTS.matcher(userAgent).find();
    }

    /** Counts a visitor once per day. @return true when this was the visitor's first view today */
    @Transactional
    boolean visit(String address, String userAgent) {
        if (isBot(userAgent)) {
            return false;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        byte[] hash = sha256(saltOf(day), (address == null ? "" : address) + "\n" + userAgent);
        boolean first = jdbc.sql("INSERT IGNORE INTO site_visitor (day, visitor_hash) VALUES (?, ?)")
                        .params(Date.valueOf(day), hash)
                        .update()
                == 1;
        if (first) {
            increment(VISITORS);
        }
        return first;
    }

    /** A submitted test counts once, however often its event is delivered. */
    @ApplicationModuleListener
    void on(AttemptSubmitted event) {
        boolean first = jdbc.sql("INSERT IGNORE INTO site_counted_attempt (attempt_id) VALUES (?)")
                        .param(event.attemptId())
                        .update()
                == 1;
        if (first) {
            increment(TESTS);
        }
    }

    private void increment(String counter) {
        jdbc.sql("INSERT INTO site_counter (name, n) VALUES (?, 1) ON DUPLICATE KEY UPDATE n = n + 1")
                .param(counter)
                .update();
    }

    /** Today's salt: the first instance to need it makes it; yesterday's salt and hashes go. */
    private byte[] saltOf(LocalDate day) {
        Map.Entry<LocalDate, byte[]> known = salt.get();
        if (known != null && known.getKey().equals(day)) {
            return known.getValue();
        }
        byte[] fresh = new byte[32];
        random.nextBytes(fresh);
        if (jdbc.sql("INSERT IGNORE INTO site_visit_salt (day, salt) VALUES (?, ?)")
                        .params(Date.valueOf(day), fresh)
                        .update()
                == 1) {
            jdbc.sql("DELETE FROM site_visit_salt WHERE day < ?")
                    .param(Date.valueOf(day))
                    .update();
            jdbc.sql("DELETE FROM site_visitor WHERE day < ?")
                    .param(Date.valueOf(day))
                    .update();
        }
        byte[] stored = jdbc.sql("SELECT salt FROM site_visit_salt WHERE day = ?")
                .param(Date.valueOf(day))
                .query(byte[].class)
                .single();
        salt.set(Map.entry(day, stored));
        return stored;
    }

    private static byte[] sha256(byte[] salt, String value) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(salt);
            return digest.digest(value.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
