package com.cloudsquad.observability;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptStarted;
import com.cloudsquad.exam.AttemptSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code cloudsquad.attempts.started} (new attempts, not resumed ones, by mode) and {@code
 * cloudsquad.attempts.submitted} (attempts closed and scored, by mode and by whom: the candidate
 * or the deadline job), counted on the instance that did it once the transaction committed. Plain
 * listeners with an after-commit hook rather than module listeners: a counter needs no durable
 * publication row (an INSERT and an UPDATE per event) and no redelivery. The exam module only
 * publishes the events and knows nothing of Micrometer.
 */
@Component
class AttemptMetrics {

    static final String STARTED = "cloudsquad.attempts.started";
    static final String SUBMITTED = "cloudsquad.attempts.submitted";

    private final MeterRegistry registry;

    AttemptMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(AttemptStarted started) {
        afterCommit(Counter.builder(STARTED)
                .description("Attempts started (a resumed attempt is not counted again)")
                .tag("mode", mode(started.mode()))
                .register(registry));
    }

    @EventListener
    void on(AttemptSubmitted submitted) {
        afterCommit(Counter.builder(SUBMITTED)
                .description("Attempts closed and scored")
                .tag("mode", mode(submitted.mode()))
                .tag("by", submitted.byTheClock() ? "clock" : "candidate")
                .register(registry));
    }

    private static String mode(AttemptMode mode) {
        return mode.name().toLowerCase(Locale.ROOT);
    }

    /** Counts once the surrounding transaction committed; a rolled-back one is never counted. */
    private static void afterCommit(Counter counter) {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    counter.increment();
                }
            });
        } else {
            counter.increment();
        }
    }
}
