package com.cloudsquad.platform;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptSubmitted;
import com.cloudsquad.support.CloudSquadIntegrationTest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * What a killed instance leaves behind: an {@link AttemptSubmitted} whose progress listener was
 * running there (publication {@code PROCESSING}, nothing of its transaction committed). Without
 * a restart nobody would deliver it again; {@link StrandedEventRedelivery} does, once it is older
 * than any listener runs, and leaves alone what may still be running elsewhere.
 */
@CloudSquadIntegrationTest
class StrandedEventRedeliveryIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    StrandedEventRedelivery redelivery;

    @Autowired
    Clock clock;

    @Test
    void aDeliveryStrandedOnAKilledInstanceIsMadeAgainOnceStaleAndCountsOnce() {
        long accountId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long attemptId = recordedSubmission(accountId);
        int xp = xp(accountId);
        assertThat(xp).isPositive();

        // the instance died while the ledger listener ran: its transaction rolled back, the
        // publication stays PROCESSING; a minute ago it was still a delivery in flight
        strand(accountId, attemptId, Duration.ofMinutes(1));
        assertThat(ledgerRows(attemptId)).isZero();

        redelivery.redeliverStale();
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> ledgerRows(attemptId) == 0);
        assertThat(ledgerPublication(attemptId, false))
                .as("left to the instance that may still run it")
                .isEqualTo(1);

        // eleven minutes on, nobody is running it
        age(attemptId, Duration.ofMinutes(11));
        redelivery.redeliverStale();
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ledgerPublication(attemptId, true) == 1);
        assertThat(ledgerRows(attemptId)).isEqualTo(1);
        assertThat(xp(accountId)).as("XP counted once").isEqualTo(xp);

        // a second pass finds nothing more to do for it
        redelivery.redeliverStale();
        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> ledgerRows(attemptId) == 1);
        assertThat(xp(accountId)).isEqualTo(xp);
    }

    @Test
    void aPublicationDeliveredTooOftenIsLeftForAPerson() {
        long accountId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 2_000_000_000L);
        long attemptId = recordedSubmission(accountId);
        strand(accountId, attemptId, Duration.ofHours(1));
        jdbc.sql("UPDATE EVENT_PUBLICATION SET COMPLETION_ATTEMPTS = 5 WHERE LISTENER_ID LIKE '%AttemptLedger%'"
                        + " AND SERIALIZED_EVENT LIKE ?")
                .param(pattern(attemptId))
                .update();

        redelivery.redeliverStale();

        Awaitility.await()
                .during(Duration.ofSeconds(1))
                .atMost(Duration.ofSeconds(5))
                .until(() -> ledgerRows(attemptId) == 0);
        assertThat(ledgerPublication(attemptId, false)).isEqualTo(1);
    }

    /** A new attempt of the account, submitted and recorded by the progress module as usual. */
    long recordedSubmission(long accountId) {
        long attemptId = ThreadLocalRandom.current().nextLong(1_000_000_000L, Long.MAX_VALUE / 2);
        publish(accountId, attemptId);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> ledgerPublication(attemptId, true) == 1);
        return attemptId;
    }

    void publish(long accountId, long attemptId) {
        transactions.executeWithoutResult(status -> events.publishEvent(new AttemptSubmitted(
                attemptId, accountId, 2, AttemptMode.READINESS, 21, 30, 720, true, false, clock.instant())));
    }

    /** As if the ledger listener's transaction never committed on the instance that died. */
    void strand(long accountId, long attemptId, Duration ago) {
        List<String> tables = jdbc.sql("""
                        SELECT TABLE_NAME FROM information_schema.COLUMNS
                        WHERE TABLE_SCHEMA = DATABASE() AND TABLE_NAME LIKE 'progress%' AND COLUMN_NAME = 'account_id'""").query(String.class).list();
        for (String table : tables) {
            jdbc.sql("DELETE FROM " + table + " WHERE account_id = ?")
                    .param(accountId)
                    .update();
        }
        jdbc.sql("""
                        UPDATE EVENT_PUBLICATION SET COMPLETION_DATE = NULL, STATUS = 'PROCESSING'
                        WHERE LISTENER_ID LIKE '%AttemptLedger%' AND SERIALIZED_EVENT LIKE ?""").param(pattern(attemptId)).update();
        age(attemptId, ago);
    }

    /** Published, and its last delivery begun, {@code ago}. */
    void age(long attemptId, Duration ago) {
        Timestamp then = Timestamp.from(clock.instant().minus(ago));
        jdbc.sql("""
                        UPDATE EVENT_PUBLICATION SET PUBLICATION_DATE = ?,
                            LAST_RESUBMISSION_DATE = CASE WHEN LAST_RESUBMISSION_DATE IS NULL THEN NULL ELSE ? END
                        WHERE SERIALIZED_EVENT LIKE ?""").param(then).param(then).param(pattern(attemptId)).update();
    }

    long ledgerPublication(long attemptId, boolean completed) {
        return jdbc.sql("SELECT COUNT(*) FROM EVENT_PUBLICATION WHERE LISTENER_ID LIKE '%AttemptLedger%'"
                        + " AND SERIALIZED_EVENT LIKE ? AND COMPLETION_DATE IS " + (completed ? "NOT NULL" : "NULL"))
                .param(pattern(attemptId))
                .query(Long.class)
                .single();
    }

    long ledgerRows(long attemptId) {
        return jdbc.sql("SELECT COUNT(*) FROM progress_attempt WHERE attempt_id = ?")
                .param(attemptId)
                .query(Long.class)
                .single();
    }

    /** The candidate's XP total: what a second delivery counted twice would inflate. */
    int xp(long accountId) {
        return jdbc.sql("SELECT COALESCE(SUM(xp), 0) FROM progress_account WHERE account_id = ?")
                .param(accountId)
                .query(Integer.class)
                .single();
    }

    static String pattern(long attemptId) {
        return "%\"attemptId\":" + attemptId + ",%";
    }
}
