package com.cloudsquad.exam;

import java.time.Duration;
import java.time.Instant;

/** One attempt's row: who, what, its clock and, once closed, its score. */
public record Attempt(
        long id,
        long accountId,
        long certificationId,
        AttemptMode mode,
        Long domainId,
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

    public boolean open() {
        return status == AttemptStatus.IN_PROGRESS;
    }

    /** Time from start to close (or to now), never more than the time allowed. */
    public Duration timeUsed(Instant now) {
        Instant end = closedAt != null ? closedAt : now;
        Instant capped = deadlineAt != null && end.isAfter(deadlineAt) ? deadlineAt : end;
        return Duration.between(startedAt, capped);
    }

    public Duration remaining(Instant now) {
        if (deadlineAt == null) {
            return null;
        }
        Duration left = Duration.between(now, deadlineAt);
        return left.isNegative() ? Duration.ZERO : left;
    }
}
