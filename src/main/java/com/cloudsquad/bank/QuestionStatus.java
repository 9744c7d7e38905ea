package com.cloudsquad.bank;

/**
 * DRAFT is edited in place (until it has been published once); PUBLISHED is what candidates get;
 * RETIRED is kept for history only.
 */
public enum QuestionStatus {
    DRAFT,
    PUBLISHED,
    RETIRED
}
