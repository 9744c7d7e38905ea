package com.cloudsquad.exam;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes attempts whose deadline has passed, whatever the browser does. Each attempt is claimed
 * by a conditional UPDATE, so several instances running this job never close one twice.
 */
@Component
class OverdueAttemptsJob {

    private static final Logger log = LoggerFactory.getLogger(OverdueAttemptsJob.class);

    private final Attempts attempts;
    private final AttemptQueries queries;

    OverdueAttemptsJob(Attempts attempts, AttemptQueries queries) {
        this.attempts = attempts;
        this.queries = queries;
    }

    @Scheduled(fixedDelayString = "${app.exam.overdue-check:PT5S}", initialDelayString = "PT10S")
    void closeOverdue() {
        closeOverdueNow();
    }

    int closeOverdueNow() {
        int closed = 0;
        for (Long id : queries.overdue(200)) {
            try {
                if (attempts.expireIfOverdue(id)) {
                    closed++;
                }
            } catch (RuntimeException e) {
                log.warn("Could not close overdue attempt {}", id, e);
            }
        }
        return closed;
    }
}
