package com.cloudsquad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * After {@link #MAX_FAILURES} failed logins for one email within {@link #WINDOW}, further tries for
 * that email are refused until the oldest of those failures leaves the window. Failures are rows
 * in the database, so every instance behind the load balancer counts the same ones.
 */
@Component
class LoginThrottle {

    static final int MAX_FAILURES = 5;
    static final Duration WINDOW = Duration.ofMinutes(15);

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** How long this email stays locked, or empty when a try is allowed now. */
    @Transactional(readOnly = true)
    public Optional<Duration> lockedFor(String emailKey) {
        Instant now = clock.instant();
        List<Timestamp> recent = jdbc.sql("""
                        SELECT failed_at FROM login_failure
                        WHERE email_key = ? AND failed_at > ?
                        ORDER BY failed_at DESC LIMIT ?""")
                .params(emailKey, Timestamp.from(now.minus(WINDOW)), MAX_FAILURES)
                .query(Timestamp.class)
                .list();
        if (recent.size() < MAX_FAILURES) {
            return Optional.empty();
        }
        Instant unlocksAt = recent.get(MAX_FAILURES - 1).toInstant().plus(WINDOW);
        return Optional.of(Duration.between(now, unlocksAt)).filter(d -> !d.isNegative() && !d.isZero());
    }

    @Transactional
    public void recordFailure(String emailKey) {
        Instant now = clock.instant();
        jdbc.sql("DELETE FROM login_failure WHERE email_key = ? AND failed_at <= ?")
                .params(emailKey, Timestamp.from(now.minus(WINDOW)))
                .update();
        jdbc.sql("INSERT INTO login_failure (email_key, failed_at) VALUES (?, ?)")
                .params(emailKey, Timestamp.from(now))
                .update();
    }

    @Transactional
    public void clear(String emailKey) {
        jdbc.sql("DELETE FROM login_failure WHERE email_key = ?")
                .param(emailKey)
                .update();
    }
}
