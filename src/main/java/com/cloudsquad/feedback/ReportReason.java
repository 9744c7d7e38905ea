package com.cloudsquad.feedback;

/** Why a candidate reports a question. */
public enum ReportReason {
    WRONG_KEY("Wrong answer key"),
    UNCLEAR("Unclear"),
    OUTDATED("Outdated"),
    TYPO("Typo"),
    OTHER("Other");

    private final String label;

    ReportReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
