package com.cloudsquad.observability;

import static org.assertj.core.api.Assertions.assertThat;

import com.cloudsquad.exam.AttemptMode;
import com.cloudsquad.exam.AttemptSubmitted;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

class AttemptMetricsTests {

    @Test
    void submittedAttemptsAreCountedByModeAndByWhoClosedThem() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AttemptMetrics metrics = new AttemptMetrics(registry);

        metrics.on(submitted(AttemptMode.READINESS, false));
        metrics.on(submitted(AttemptMode.READINESS, false));
        metrics.on(submitted(AttemptMode.READINESS, true));
        metrics.on(submitted(AttemptMode.PRACTICE, false));

        assertThat(count(registry, "readiness", "candidate")).isEqualTo(2);
        assertThat(count(registry, "readiness", "clock")).isEqualTo(1);
        assertThat(count(registry, "practice", "candidate")).isEqualTo(1);
    }

    @Test
    void anAttemptIsCountedOnlyOnceItsTransactionCommitted() {
        SimpleMeterRegistry registry = new SimpleMeterRegistry();
        AttemptMetrics metrics = new AttemptMetrics(registry);

        TransactionSynchronizationManager.initSynchronization();
        try {
            metrics.on(submitted(AttemptMode.MOCK, true));
            assertThat(count(registry, "mock", "clock")).isZero();
            TransactionSynchronizationManager.getSynchronizations().forEach(TransactionSynchronization::afterCommit);
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(count(registry, "mock", "clock")).isEqualTo(1);

        TransactionSynchronizationManager.initSynchronization();
        try {
            metrics.on(submitted(AttemptMode.MOCK, true)); // rolled back: never counted
        } finally {
            TransactionSynchronizationManager.clearSynchronization();
        }
        assertThat(count(registry, "mock", "clock")).isEqualTo(1);
    }

    static double count(SimpleMeterRegistry registry, String mode, String by) {
        return registry.get(AttemptMetrics.SUBMITTED)
                .tag("mode", mode)
                .tag("by", by)
                .counter()
                .count();
    }

    static AttemptSubmitted submitted(AttemptMode mode, boolean byTheClock) {
        return new AttemptSubmitted(1, 2, 3, mode, 7, 10, 720, true, byTheClock, Instant.now());
    }
}
