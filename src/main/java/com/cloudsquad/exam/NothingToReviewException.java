package com.cloudsquad.exam;

/** A missed-question review was asked for, but nothing is waiting for review. */
public class NothingToReviewException extends RuntimeException {

    public NothingToReviewException(String certificationCode) {
        super("No missed " + certificationCode + " questions are waiting for review.");
    }
}
