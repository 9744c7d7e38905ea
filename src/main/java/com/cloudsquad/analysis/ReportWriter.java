package com.cloudsquad.analysis;

import java.lang.management.ManagementFactory;
import java.time.Clock;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * Writes the pending reports: claims one (a conditional UPDATE, so of several instances exactly
 * one writes it), asks the model with at most {@code maxTries} calls on throttling, 5xx or
 * timeouts, one more call when the answer does not validate, and otherwise, or when no model is
 * configured or a budget is spent, has the fallback analyst write it, labelled as such.
 */
@Service
class ReportWriter {

    private static final Logger log = LoggerFactory.getLogger(ReportWriter.class);

    static final String PURPOSE = "REPORT";

    private final ReportStore store;
    private final AttemptFacts facts;
    private final AnalysisModel model;
    private final FallbackAnalyst fallback;
    private final AnalysisProperties properties;
    private final Clock clock;
    private final Pause pause;
    private final AnalysisMetrics metrics;
    private final String instance;

    ReportWriter(
            ReportStore store,
            AttemptFacts facts,
            AnalysisModel model,
            FallbackAnalyst fallback,
            AnalysisProperties properties,
            Clock clock,
            Pause pause,
            AnalysisMetrics metrics) {
        this.store = store;
        this.facts = facts;
        this.model = model;
        this.fallback = fallback;
        this.properties = properties;
        this.clock = clock;
        this.pause = pause;
        this.metrics = metrics;
        this.instance = ManagementFactory.getRuntimeMXBean().getName() + "/" + UUID.randomUUID();
    }

    /** Waits between tries; a bean so tests need not wait for real. */
    interface Pause {
        void sleep(java.time.Duration duration) throws InterruptedException;
    }

    /** Writes every report no instance holds; returns how many this instance wrote. */
    int writePending() {
        int written = 0;
        for (Long id : store.claimable(20)) {
            if (write(id)) {
                written++;
            }
        }
        return written;
    }

    /** Writes one report if this instance wins its claim. */
    boolean write(long reportId) {
        if (!store.claim(reportId, instance, properties.claimLease())) {
            return false;
        }
        ReportStore.StoredReport pending = store.find(reportId).orElseThrow();
        Optional<AnalysisFacts> attemptFacts = facts.of(pending.attemptId());
        if (attemptFacts.isEmpty()) {
            log.warn("Attempt {} has no result; report {} stays pending", pending.attemptId(), reportId);
            return false;
        }
        Outcome outcome = analyse(pending, attemptFacts.get());
        boolean stored = store.complete(
                reportId,
                instance,
                outcome.report(),
                outcome.source(),
                outcome.fallback() == null ? null : outcome.fallback().reason,
                outcome.source() == ReportStore.Source.AI ? model.modelId() : null,
                outcome.inputTokens(),
                outcome.outputTokens(),
                outcome.calls());
        if (stored) {
            metrics.reportStored(outcome.source(), outcome.fallback() == null ? "generated" : outcome.fallback().tag);
        } else {
            log.warn("Report {} was taken over by another instance before it was stored", reportId);
        }
        return stored;
    }

    /** Why the rules wrote a report: the reason the candidate reads, and the metric's tag. */
    enum Fallback {
        BEDROCK_OFF("bedrock-off", "AI analysis is not configured on this server"),
        CANDIDATE_LIMIT("candidate-limit", "Today's AI analyses for your account are used up"),
        TOKEN_BUDGET("token-budget", "Today's AI budget is spent"),
        MODEL_FAILED("model-failed", "The AI service did not answer"),
        OUTPUT_INVALID("output-invalid", "The AI's answer could not be used");

        final String tag;
        final String reason;

        Fallback(String tag, String reason) {
            this.tag = tag;
            this.reason = reason;
        }
    }

    private record Outcome(
            AnalysisReport report,
            ReportStore.Source source,
            Fallback fallback,
            int inputTokens,
            int outputTokens,
            int calls) {}

    private Outcome analyse(ReportStore.StoredReport pending, AnalysisFacts f) {
        if (!model.available()) {
            return rules(f, Fallback.BEDROCK_OFF, 0, 0, 0);
        }
        if (store.aiReportsOn(pending.accountId(), ReportStore.utcDay(clock.instant()))
                >= properties.dailyReportsPerCandidate()) {
            return rules(f, Fallback.CANDIDATE_LIMIT, 0, 0, 0);
        }
        if (store.tokensOn(ReportStore.utcDay(clock.instant())) >= properties.dailyTokenBudget()) {
            return rules(f, Fallback.TOKEN_BUDGET, 0, 0, 0);
        }
        int in = 0;
        int out = 0;
        int calls = 0;
        int failures = 0;
        int invalid = 0;
        while (true) {
            calls++;
            try {
                AnalysisModel.Answer<AnalysisReport> answer = model.writeReport(f);
                in += answer.inputTokens();
                out += answer.outputTokens();
                store.recordUsage(PURPOSE, answer.inputTokens(), answer.outputTokens());
                Optional<AnalysisReport> valid = ReportValidation.clean(answer.value());
                if (valid.isPresent()) {
                    return new Outcome(valid.get(), ReportStore.Source.AI, null, in, out, calls);
                }
                log.info("Report {}: the model's answer did not validate (try {})", pending.id(), invalid + 1);
            } catch (ModelOutputInvalidException e) {
                in += e.inputTokens();
                out += e.outputTokens();
                store.recordUsage(PURPOSE, e.inputTokens(), e.outputTokens());
                log.info("Report {}: {} (try {})", pending.id(), e.getMessage(), invalid + 1);
            } catch (ModelCallFailedException e) {
                failures++;
                log.warn("Report {}: model call {} failed: {}", pending.id(), failures, e.getMessage());
                if (!e.retryable() || failures >= properties.maxTries()) {
                    return rules(f, Fallback.MODEL_FAILED, in, out, calls);
                }
                if (!backOff(failures)) {
                    return rules(f, Fallback.MODEL_FAILED, in, out, calls);
                }
                continue;
            }
            if (++invalid > 1) {
                return rules(f, Fallback.OUTPUT_INVALID, in, out, calls);
            }
        }
    }

    private boolean backOff(int failures) {
        try {
            pause.sleep(properties.retryBackoff().multipliedBy(1L << (failures - 1)));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private Outcome rules(AnalysisFacts f, Fallback why, int in, int out, int calls) {
        return new Outcome(fallback.write(f), ReportStore.Source.RULES, why, in, out, calls);
    }
}
