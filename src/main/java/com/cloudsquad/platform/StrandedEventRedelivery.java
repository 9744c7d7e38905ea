package com.cloudsquad.platform;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.EventPublication;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Delivers again the module events no instance will finish. An event whose listener was running
 * on an instance that died (SIGKILL, a lost host), or that failed, stays incomplete in
 * {@code EVENT_PUBLICATION}; Spring Modulith republishes outstanding events only when an instance
 * starts, so with the surviving instances up it would wait for the next deploy. Every instance
 * checks each minute and resubmits a publication that has been incomplete for longer than any
 * listener here runs ({@code app.events.redeliver-after}, 10 minutes: the listeners take
 * milliseconds, the report writer at most its tries and timeouts), at most
 * {@code app.events.max-deliveries} times. Two instances may resubmit the same publication at the
 * same moment: every listener is idempotent (a ledger keyed by the attempt, upserts), so a second
 * delivery changes nothing.
 */
@Component
class StrandedEventRedelivery {

    private static final Logger log = LoggerFactory.getLogger(StrandedEventRedelivery.class);

    private final IncompleteEventPublications incomplete;
    private final Clock clock;
    private final Duration redeliverAfter;
    private final int maxDeliveries;

    StrandedEventRedelivery(
            IncompleteEventPublications incomplete,
            Clock clock,
            @Value("${app.events.redeliver-after:PT10M}") Duration redeliverAfter,
            @Value("${app.events.max-deliveries:5}") int maxDeliveries) {
        this.incomplete = incomplete;
        this.clock = clock;
        this.redeliverAfter = redeliverAfter;
        this.maxDeliveries = maxDeliveries;
    }

    /** Resubmits the stale incomplete publications. */
    @Scheduled(fixedDelayString = "${app.events.redelivery-check:PT1M}", initialDelayString = "PT2M")
    void redeliverStale() {
        Instant cutoff = clock.instant().minus(redeliverAfter);
        incomplete.resubmitIncompletePublications(publication -> {
            Instant lastTry = lastTry(publication);
            boolean stale = lastTry.isBefore(cutoff) && publication.getCompletionAttempts() < maxDeliveries;
            if (stale) {
                log.warn(
                        "Delivering event publication {} ({}) again: incomplete since {}, {} deliveries so far",
                        publication.getIdentifier(),
                        publication.getEvent().getClass().getSimpleName(),
                        lastTry,
                        publication.getCompletionAttempts());
            }
            return stale;
        });
    }

    /** When a delivery last began: Modulith stamps the last resubmission date as each one starts. */
    private static Instant lastTry(EventPublication publication) {
        Instant resubmitted = publication.getLastResubmissionDate();
        return resubmitted != null && resubmitted.isAfter(publication.getPublicationDate())
                ? resubmitted
                : publication.getPublicationDate();
    }
}
