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
 * Requests per client address in fixed time windows (login tries per minute, registrations per
 * hour), counted in the database so that a client spreading requests over instances meets one
 * limit. A hit is one conditional statement ({@code UPDATE … SET hits = hits + 1 WHERE hits < limit});
 * a new window's row is made with {@code INSERT IGNORE}. Owns {@code request_rate}. Public so other
 * modules (feedback: reviews and problem reports) limit their writes with the same table.
 */
@Component
public class RequestRateLimit {

    private final JdbcClient jdbc;
    private final Clock clock;

    RequestRateLimit(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Counts one request; empty when within the limit, else how long until the window ends. */
    @Transactional(propagation = Propagation.NOT_SUPPORTED)
    public Optional<Duration> hit(String action, String address, int limit, Duration window) {
        Instant now = clock.instant();
        long index = now.toEpochMilli() / window.toMillis();
        Instant windowEnds = Instant.ofEpochMilli((index + 1) * window.toMillis());
        String bucket = action + ":" + address + ":" + index;
        for (int round = 0; round < 2; round++) {
            if (jdbc.sql("UPDATE request_rate SET hits = hits + 1 WHERE bucket = ? AND hits < ?")
                            .params(bucket, limit)
                            .update()
                    == 1) {
                return Optional.empty();
            }
            if (round == 0
                    && limit > 0
                    && jdbc.sql("INSERT IGNORE INTO request_rate (bucket, hits, window_ends_at) VALUES (?, 1, ?)")
                                    .params(bucket, Timestamp.from(windowEnds))
                                    .update()
                            == 1) {
                return Optional.empty();
            }
        }
        return Optional.of(Duration.between(now, windowEnds));
    }
}
