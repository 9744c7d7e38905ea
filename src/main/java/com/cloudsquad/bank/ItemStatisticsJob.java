package com.cloudsquad.bank;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Recomputes item statistics every hour by default ({@code app.bank.item-statistics.interval}).
 * Every instance runs it; the claim row lets only one of them do the work at a time. The first run
 * waits ({@code app.bank.item-statistics.initial-delay}, 30 minutes) so that a deploy of several
 * instances does not recompute at once on start-up.
 */
@Component
class ItemStatisticsJob {

    private static final Logger log = LoggerFactory.getLogger(ItemStatisticsJob.class);

    private final ItemStatistics statistics;

    ItemStatisticsJob(ItemStatistics statistics) {
        this.statistics = statistics;
    }

    @Scheduled(
            fixedDelayString = "${app.bank.item-statistics.interval:PT1H}",
            initialDelayString = "${app.bank.item-statistics.initial-delay:PT30M}")
    void recompute() {
        try {
            ItemStatistics.Outcome outcome = statistics.recompute(null);
            if (outcome.ran()) {
                log.info(
                        "Item statistics: {} versions from {} answers in {} ms, {} need checking",
                        outcome.versions(),
                        outcome.responses(),
                        outcome.took().toMillis(),
                        outcome.flagged());
            }
        } catch (RuntimeException e) {
            log.warn("Item statistics could not be recomputed", e);
        }
    }
}
