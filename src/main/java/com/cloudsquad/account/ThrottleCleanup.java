package com.cloudsquad.account;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Forgets what the throttles and links no longer need: ended rate windows, back-off rows untouched
 * for a day, expired verification links, browsers unseen for {@link LoginDevices#KEPT_FOR}. Every
 * instance may run it; the deletes are idempotent.
 */
@Component
class ThrottleCleanup {

    private final JdbcClient jdbc;
    private final Clock clock;

    ThrottleCleanup(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "PT10M", initialDelayString = "PT1M")
    int cleanUp() {
        Instant now = clock.instant();
        return jdbc.sql("DELETE FROM request_rate WHERE window_ends_at < ?")
                        .param(Timestamp.from(now))
                        .update()
                + jdbc.sql("DELETE FROM login_throttle WHERE updated_at < ? AND blocked_until < ?")
                        .params(Timestamp.from(now.minus(LoginThrottle.FORGET_AFTER)), Timestamp.from(now))
                        .update()
                + jdbc.sql("DELETE FROM email_verification WHERE expires_at < ?")
                        .param(Timestamp.from(now))
                        .update()
                + jdbc.sql("DELETE FROM login_device WHERE last_used_at < ?")
                        .param(Timestamp.from(now.minus(LoginDevices.KEPT_FOR)))
                        .update();
    }
}
