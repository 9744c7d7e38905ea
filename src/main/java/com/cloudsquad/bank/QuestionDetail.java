package com.cloudsquad.bank;

import java.time.Instant;

/** A question with its current version, as the admin edits it. */
public record QuestionDetail(
        long id,
        long certificationId,
        QuestionStatus status,
        int lockVersion,
        int versionCount,
        Instant updatedAt,
        QuestionVersion current) {

    public QuestionContent content() {
        return current.content();
    }
}
