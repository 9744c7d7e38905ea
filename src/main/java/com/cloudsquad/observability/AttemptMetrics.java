package com.cloudsquad.observability;

import com.cloudsquad.exam.AttemptSubmitted;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * {@code cloudsquad.attempts.submitted}: attempts closed and scored, by mode and by whom (the
 * candidate or the deadline job). Counted once the attempt's transaction committed, on the
 * instance that closed it.
 */
@Component
class AttemptMetrics {

    static final String SUBMITTED = "cloudsquad.attempts.submitted";

    private final MeterRegistry registry;

    AttemptMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    @ApplicationModuleListener
    void on(AttemptSubmitted submitted) {
        Counter.builder(SUBMITTED)
                .description("Attempts closed and scored")
                .tag("mode", submitted.mode().name().toLowerCase(java.util.Locale.ROOT))
                .tag("by", submitted.byTheClock() ? "clock" : "candidate")
                .register(registry)
                .increment();
    }
}
