package com.cloudsquad.feedback;

import java.time.Instant;

/** One candidate's review of the platform; {@code hidden} ones are off the public page and the average. */
public record Review(
        long id,
        long accountId,
        int stars,
        String body,
        Instant createdAt,
        Instant updatedAt,
        boolean hidden,
        String hiddenReason) {}
