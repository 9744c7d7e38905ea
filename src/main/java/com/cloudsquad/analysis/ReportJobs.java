package com.cloudsquad.analysis;

import com.cloudsquad.exam.AttemptSubmitted;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Feeds the report writer: each {@link AttemptSubmitted} becomes a pending row (once, however
 * often the event is delivered) and is written at once on a small pool of our own; every instance
 * also sweeps pending rows on a schedule, which picks up what a stopped instance left.
 */
@Component
class ReportJobs {

    private static final Logger log = LoggerFactory.getLogger(ReportJobs.class);

    private final ReportStore store;
    private final ReportWriter writer;
    private final ExecutorService pool;

    ReportJobs(ReportStore store, ReportWriter writer, ExecutorService analysisPool) {
        this.store = store;
        this.writer = writer;
        this.pool = analysisPool;
    }

    @ApplicationModuleListener
    void on(AttemptSubmitted submitted) {
        if (store.insertPending(submitted.attemptId(), submitted.accountId(), submitted.certificationId())) {
            store.byAttempt(submitted.attemptId()).ifPresent(r -> {
                try {
                    pool.execute(() -> writeQuietly(r.id()));
                } catch (java.util.concurrent.RejectedExecutionException e) {
                    log.info("Shutting down: report {} is left to the sweep", r.id());
                }
            });
        }
    }

    @Scheduled(fixedDelayString = "${app.analysis.poll-interval:PT2S}", initialDelayString = "PT5S")
    void sweep() {
        try {
            writer.writePending();
        } catch (RuntimeException e) {
            log.warn("Could not write pending analysis reports", e);
        }
    }

    private void writeQuietly(long reportId) {
        try {
            writer.write(reportId);
        } catch (RuntimeException e) {
            log.warn("Could not write analysis report {}; the sweep tries again", reportId, e);
        }
    }

    @Configuration(proxyBeanMethods = false)
    static class Pools {

        /** Two threads: model calls wait on the network, and the request threads never do. */
        @Bean(destroyMethod = "shutdownNow")
        ExecutorService analysisPool() {
            java.util.concurrent.atomic.AtomicInteger n = new java.util.concurrent.atomic.AtomicInteger();
            return Executors.newFixedThreadPool(2, task -> {
                Thread thread = new Thread(task, "analysis-" + n.incrementAndGet());
                thread.setDaemon(true);
                return thread;
            });
        }

        @Bean
        ReportWriter.Pause analysisPause() {
            return duration -> Thread.sleep(duration.toMillis());
        }
    }
}
