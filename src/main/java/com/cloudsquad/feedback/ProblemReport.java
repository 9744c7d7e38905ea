package com.cloudsquad.feedback;

import java.time.Instant;

/** A candidate's report on the exact question version they saw (attempt and position say where). */
public record ProblemReport(
        long id,
        long accountId,
        long questionId,
        long versionId,
        long attemptId,
        int position,
        ReportReason reason,
        String comment,
        ReportStatus status,
        Instant createdAt,
        Instant updatedAt,
        int submissions,
        Instant decidedAt,
        String decidedBy,
        String decisionNote) {}
