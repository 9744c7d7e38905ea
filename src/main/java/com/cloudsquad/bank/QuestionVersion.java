package com.cloudsquad.bank;

import java.time.Instant;

/** One stored version of a question, exactly as it was shown while it was current. */
public record QuestionVersion(
        long id, long questionId, int versionNo, QuestionContent content, Instant createdAt, String createdBy) {}
