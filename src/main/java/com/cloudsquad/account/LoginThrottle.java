package com.cloudsquad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Exponential back-off for password checks, per key ({@code account:<email key>} for strangers,
 * {@code device:<hash>} for a browser that logged in before, {@code password-check:<id>} for the
 * profile's current-password check). Every try is claimed before the password is checked, and
 * counts as a failure until it succeeds ({@link #reset}): the first {@link #FREE_TRIES} go through
 * at once, then each further failure doubles the wait from {@link #FIRST_DELAY} up to
 * {@link #MAX_DELAY}. Failures older than {@link #FORGET_AFTER} are forgotten.
 *
 * <p>One row per key in the database, so every instance counts the same tries. A claim is a
 * compare-and-set ({@code UPDATE … WHERE failures = <read value>}): of two parallel tries only one
 * moves the count, the other reads again. No statement holds a lock past itself (each runs in its
 * own auto-commit), so parallel failed logins cannot deadlock.
 */
@Component
class LoginThrottle {

    static final int FREE_TRIES = 5;
    static final Duration FIRST_DELAY = Duration.ofSeconds(30);
    static final Duration MAX_DELAY = Duration.ofMinutes(15);
    static final Duration FORGET_AFTER = Duration.ofHours(24);
    private static final int MAX_ROUNDS = 100;

    private final JdbcClient jdbc;
    private final Clock clock;

    LoginThrottle(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Claims one try: empty when it may go ahead (and is counted), else how long to wait. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Duration> claim(String key) {
        Instant now = clock.instant();
        for (int round = 0; round < MAX_ROUNDS; round++) {
            Optional<Row> row = jdbc.sql(
                            "SELECT failures, blocked_until, updated_at FROM login_throttle WHERE throttle_key = ?")
                    .param(key)
                    .query(Row.class)
                    .optional();
            if (row.isEmpty()) {
                int inserted = jdbc.sql("""
                                INSERT IGNORE INTO login_throttle (throttle_key, failures, blocked_until, updated_at)
                                VALUES (?, 1, ?, ?)""")
                        .params(key, Timestamp.from(now.plus(delayAfter(1))), Timestamp.from(now))
                        .update();
                if (inserted == 1) {
                    return Optional.empty();
                }
                continue; // another try inserted it first: read it
            }
            Instant blockedUntil = row.get().blockedUntil().toInstant();
            if (blockedUntil.isAfter(now)) {
                return Optional.of(Duration.between(now, blockedUntil));
            }
            boolean forgotten =
                    row.get().updatedAt().toInstant().plus(FORGET_AFTER).isBefore(now);
            int failures = (forgotten ? 0 : row.get().failures()) + 1;
            int claimed = jdbc.sql("""
                            UPDATE login_throttle SET failures = ?, blocked_until = ?, updated_at = ?
                            WHERE throttle_key = ? AND failures = ?""")
                    .params(
                            failures,
                            Timestamp.from(now.plus(delayAfter(failures))),
                            Timestamp.from(now),
                            key,
                            row.get().failures())
                    .update();
            if (claimed == 1) {
                return Optional.empty();
            }
        }
        return Optional.of(FIRST_DELAY); // hammered beyond reason: refuse rather than spin
    }

    /** The try succeeded: the key starts afresh. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public void reset(String key) {
        jdbc.sql("DELETE FROM login_throttle WHERE throttle_key = ?").param(key).update();
    }

    /** The wait imposed after this many failures in a row. */
    static Duration delayAfter(int failures) {
        if (failures < FREE_TRIES) {
            return Duration.ZERO;
        }
        int doublings = Math.min(failures - FREE_TRIES, 10);
        Duration delay = FIRST_DELAY.multipliedBy(1L << doublings);
        return delay.compareTo(MAX_DELAY) > 0 ? MAX_DELAY : delay;
    }

    record Row(int failures, Timestamp blockedUntil, Timestamp updatedAt) {}
}
