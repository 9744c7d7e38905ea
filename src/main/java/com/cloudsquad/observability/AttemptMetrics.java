package com.cloudsquad.observability;

import com.cloudsquad.exam.AttemptSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Locale;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * {@code cloudsquad.attempts.submitted}: attempts closed and scored, by mode and by whom (the
 * candidate or the deadline job), counted on the instance that closed them once the transaction
 * committed. A plain listener with an after-commit hook rather than a module listener: a counter
 * needs no durable publication row (an INSERT and an UPDATE per event) and no redelivery.
 */
@Component
class AttemptMetrics {

    static final String SUBMITTED = "cloudsquad.attempts.submitted";

    private final MeterRegistry registry;

    AttemptMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @EventListener
    void on(AttemptSubmitted submitted) {
        Counter counter = Counter.builder(SUBMITTED)
                .description("Attempts closed and scored")
                .tag("mode", submitted.mode().name().toLowerCase(Locale.ROOT))
                .tag("by", submitted.byTheClock() ? "clock" : "candidate")
                .register(registry);
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
