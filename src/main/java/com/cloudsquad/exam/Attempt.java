package com.cloudsquad.exam;

import java.time.Duration;
import java.time.Instant;

/** One attempt's row: who, what, its clock and, once closed, its score. */
public record Attempt(
        long id,
        long accountId,
        long certificationId,
        AttemptMode mode,
        AttemptStatus status,
        int questionCount,
        Instant startedAt,
        Instant deadlineAt,
        Instant closedAt,
        Integer correctCount,
        Double rawPercent,
        Integer scaledScore,
        Boolean passed) {

    public boolean timed() {
        return deadlineAt != null;
    }

    public Duration timeUsed() {
        Instant end = closedAt != null ? closedAt : Instant.now();
        Instant capped = deadlineAt != null && end.isAfter(deadlineAt) ? deadlineAt : end;
        return Duration.between(startedAt, capped);
    }
}
