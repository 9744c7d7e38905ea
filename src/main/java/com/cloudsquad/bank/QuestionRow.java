package com.cloudsquad.bank;

import java.time.Instant;

/** A line of the admin list. */
public record QuestionRow(
        long id,
        String stem,
        String certificationCode,
        String domainName,
        int difficulty,
        boolean multipleResponse,
        QuestionStatus status,
        int versionCount,
        Instant updatedAt) {}
