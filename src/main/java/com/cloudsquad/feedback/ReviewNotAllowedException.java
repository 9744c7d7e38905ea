package com.cloudsquad.feedback;

/** A candidate without a completed test tried to write a review. */
class ReviewNotAllowedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    ReviewNotAllowedException() {
        super("Reviews are open to candidates who have completed a test.");
    }
}
