package com.cloudsquad.progress;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptSubmitted;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.modulith.events.core.EventSerializer;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The progress module on its own (with what it depends on), fed the way production feeds it: an
 * {@link AttemptSubmitted} published in a transaction, recorded in the event publication registry
 * and delivered after the commit. Platform (the embedded database, the clock) is included
 * by name: progress uses none of its types, so Modulith would not count it as a dependency.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "platform")
class ProgressModuleIT {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    IncompleteEventPublications incomplete;

    @Autowired
    EventSerializer serializer;

    @Autowired
    FlakyListener flaky;

    static AttemptSubmitted submitted(long attemptId) {
        return new AttemptSubmitted(
                attemptId,
                7,
                2,
                AttemptMode.READINESS,
                21,
                30,
                720,
                true,
                false,
                Instant.parse("2026-11-30T21:15:00Z"));
    }

    long rows(long attemptId) {
        return jdbc.sql("SELECT COUNT(*) FROM progress_attempt WHERE attempt_id = ?")
                .param(attemptId)
                .query(Long.class)
                .single();
    }

    @Test
    void aSubmittedAttemptIsRecordedOnceEvenWhenTheEventIsDeliveredAgain(Scenario scenario) {
        long attemptId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);

        scenario.publish(submitted(attemptId))
                .andWaitForStateChange(() -> rows(attemptId), n -> n > 0)
                .andVerify(n -> assertThat(n).isEqualTo(1));
        scenario.publish(submitted(attemptId))
                .andWaitForStateChange(() -> completedPublications(attemptId), n -> n >= 2)
                .andVerify(n -> assertThat(rows(attemptId)).isEqualTo(1));

        assertThat(jdbc.sql(
                                "SELECT questions, correct, scaled_score, local_day FROM progress_attempt WHERE attempt_id = ?")
                        .param(attemptId)
                        .query((rs, n) -> rs.getInt(1) + "/" + rs.getInt(2) + " " + rs.getInt(3) + " " + rs.getDate(4))
                        .single())
                .isEqualTo("30/21 720 2026-11-30");
    }

    /**
     * A listener that fails leaves its publication incomplete; resubmitting it (what a restart
     * does with {@code republish-outstanding-events-on-restart}, or a retry job) delivers it again
     * until it completes. The report writer of the analysis module relies on exactly this.
     */
    @Test
    void aFailingListenerLeavesItsPublicationIncompleteUntilItIsResubmitted(Scenario scenario) {
        long attemptId = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        flaky.failNext(attemptId);

        scenario.publish(submitted(attemptId))
                .andWaitForStateChange(() -> flaky.calls(attemptId), n -> n >= 1)
                .andVerify(n -> assertThat(flaky.handled(attemptId)).isFalse());
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> incompleteFlakyPublications(attemptId) == 1);

        incomplete.resubmitIncompletePublications(
                publication -> publication.getEvent() instanceof AttemptSubmitted e && e.attemptId() == attemptId);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> flaky.handled(attemptId));
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(10))
                .until(() -> incompleteFlakyPublications(attemptId) == 0);
        assertThat(rows(attemptId)).isEqualTo(1); // the ledger, a listener of its own, completed at once
    }

    /**
     * How stored events are versioned: the JSON of a record, so a change may only add components
     * that tolerate being absent; renaming or removing one needs a new event type. A rolling
     * deploy can hand an event written by the previous release to this code: it must still read.
     */
    @Test
    void anEventStoredByThePreviousReleaseStillDeserialises() throws Exception {
        String stored = new ClassPathResource("events/AttemptSubmitted-v1.json")
                .getContentAsString(StandardCharsets.UTF_8)
                .strip();

        Object event = serializer.deserialize(stored, AttemptSubmitted.class);

        assertThat(event)
                .isEqualTo(new AttemptSubmitted(
                        41,
                        7,
                        2,
                        AttemptMode.READINESS,
                        21,
                        30,
                        720,
                        true,
                        false,
                        Instant.parse("2026-11-30T21:15:00.123456Z")));
        // and one written by a newer release, with a field this one does not know yet
        String newer = stored.replace("\"byTheClock\":false", "\"byTheClock\":false,\"durationSeconds\":1500");
        assertThat(serializer.deserialize(newer, AttemptSubmitted.class)).isEqualTo(event);
    }

    long completedPublications(long attemptId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM EVENT_PUBLICATION
                        WHERE LISTENER_ID LIKE '%AttemptLedger%' AND COMPLETION_DATE IS NOT NULL
                          AND SERIALIZED_EVENT LIKE ?""")
                .param("%\"attemptId\":" + attemptId + ",%")
                .query(Long.class)
                .single();
    }

    long incompleteFlakyPublications(long attemptId) {
        return jdbc.sql("""
                        SELECT COUNT(*) FROM EVENT_PUBLICATION
                        WHERE LISTENER_ID LIKE '%FlakyListener%' AND COMPLETION_DATE IS NULL
                          AND SERIALIZED_EVENT LIKE ?""")
                .param("%\"attemptId\":" + attemptId + ",%")
                .query(Long.class)
                .single();
    }

    @TestConfiguration
    static class Listeners {
        @Bean
        FlakyListener flakyListener() {
            return new FlakyListener();
        }
    }

    /** Fails its first delivery of the attempt it is told to, like a report writer meeting an outage. */
    static class FlakyListener {

        private final java.util.Map<Long, AtomicInteger> calls = new java.util.concurrent.ConcurrentHashMap<>();
        private final java.util.Set<Long> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();
        private final java.util.Set<Long> handled = java.util.concurrent.ConcurrentHashMap.newKeySet();

        void failNext(long attemptId) {
            failing.add(attemptId);
        }

        int calls(long attemptId) {
            return calls.computeIfAbsent(attemptId, id -> new AtomicInteger()).get();
        }

        boolean handled(long attemptId) {
            return handled.contains(attemptId);
        }

        @ApplicationModuleListener
        void on(AttemptSubmitted event) {
            calls.computeIfAbsent(event.attemptId(), id -> new AtomicInteger()).incrementAndGet();
            if (failing.remove(event.attemptId())) {
                throw new IllegalStateException("Simulated outage for attempt " + event.attemptId());
            }
            handled.add(event.attemptId());
        }
    }
}
