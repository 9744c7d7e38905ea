package com.cloudsquad.exam;

import java.time.Instant;

/**
 * An attempt was closed and scored, by the candidate or by the clock. Recorded in the event
 * publication registry in the same transaction as the score, for progress and analysis.
 */
public record AttemptSubmitted(
        long attemptId,
        long accountId,
        long certificationId,
        AttemptMode mode,
        int correct,
        int total,
        int scaledScore,
        boolean passed,
        boolean byTheClock,
        Instant closedAt) {}
