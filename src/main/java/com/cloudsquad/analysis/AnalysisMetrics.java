package com.cloudsquad.analysis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * The module's meters, counted where the work happens (the model's latency can only be timed around
 * the call): {@code cloudsquad.analysis.reports} per stored report by {@code source} (ai, rules) and
 * {@code outcome} (generated, or why the rules wrote it), {@code cloudsquad.bedrock.calls} (a timer
 * per model call by {@code purpose} and {@code outcome}) and {@code cloudsquad.bedrock.tokens} (by
 * {@code purpose} and {@code type} input/output, from Converse's usage figures). Tags have a few
 * fixed values only, so CloudWatch bills a handful of metrics.
 */
@Component
class AnalysisMetrics {

    static final String REPORTS = "cloudsquad.analysis.reports";
    static final String CALLS = "cloudsquad.bedrock.calls";
    static final String TOKENS = "cloudsquad.bedrock.tokens";

    /** What came of one call to the model. */
    enum CallOutcome {
        SUCCESS,
        INVALID_OUTPUT,
        THROTTLED,
        SERVER_ERROR,
        REFUSED,
        UNREACHABLE;

        String tag() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }
    }

    private final MeterRegistry registry;

    AnalysisMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void reportStored(ReportStore.Source source, String outcome) {
        Counter.builder(REPORTS)
                .description("Analysis reports stored, by who wrote them and why")
                .tag("source", source.name().toLowerCase(Locale.ROOT))
                .tag("outcome", outcome)
                .register(registry)
                .increment();
    }

    Timer.Sample startCall() {
        return Timer.start(registry);
    }

    void callEnded(Timer.Sample sample, String purpose, CallOutcome outcome) {
        sample.stop(Timer.builder(CALLS)
                .description("Calls to the model (Bedrock Converse), by what came of them")
                .tag("purpose", purpose)
                .tag("outcome", outcome.tag())
                .register(registry));
    }

    void tokens(String purpose, int input, int output) {
        tokenCounter(purpose, "input").increment(input);
        tokenCounter(purpose, "output").increment(output);
    }

    private Counter tokenCounter(String purpose, String type) {
        return Counter.builder(TOKENS)
                .description("Tokens the model read (input) and wrote (output)")
                .baseUnit("tokens")
                .tag("purpose", purpose)
                .tag("type", type)
                .register(registry);
    }
}
