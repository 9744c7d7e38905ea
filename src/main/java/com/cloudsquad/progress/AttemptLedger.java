package com.cloudsquad.progress;

import com.cloudsquad.account.AccountService;
import com.cloudsquad.exam.AttemptSubmitted;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.LocalDate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Records each scored attempt for progress (streaks, XP and mastery build on it). Runs after the
 * exam's transaction commits; the event publication registry keeps the event until this
 * completes, and re-delivery is harmless (one row per attempt).
 */
@Component
class AttemptLedger {

    private final JdbcClient jdbc;
    private final AccountService accounts;

    AttemptLedger(JdbcClient jdbc, AccountService accounts) {
        this.jdbc = jdbc;
        this.accounts = accounts;
    }

    @ApplicationModuleListener
    void on(AttemptSubmitted event) {
        LocalDate day = LocalDate.ofInstant(event.closedAt(), accounts.zoneOf(event.accountId()));
        jdbc.sql("""
                        INSERT IGNORE INTO progress_attempt (attempt_id, account_id, certification_id, mode, local_day,
                                                             questions, correct, scaled_score, passed, closed_at)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        event.attemptId(),
                        event.accountId(),
                        event.certificationId(),
                        event.mode().name(),
                        Date.valueOf(day),
                        event.total(),
                        event.correct(),
                        event.scaledScore(),
                        event.passed(),
                        Timestamp.from(event.closedAt()))
                .update();
    }
}
