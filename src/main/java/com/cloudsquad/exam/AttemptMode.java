package com.cloudsquad.exam;

/**
 * What kind of attempt. Timed modes (readiness test, mock exam) are scored at the end like the
 * real exam; learning modes (practice, drill, missed-question review) are untimed and show the
 * explanations as soon as an answer is checked.
 */
public enum AttemptMode {
    READINESS("Readiness test", true),
    MOCK("Mock exam", true),
    PRACTICE("Practice", false),
    DRILL("Domain drill", false),
    REVIEW("Missed-question review", false);

    private final String label;
    private final boolean timed;

    AttemptMode(String label, boolean timed) {
        this.label = label;
        this.timed = timed;
    }

    public String label() {
        return label;
    }

    public boolean timed() {
        return timed;
    }

    /** Immediate feedback after each answer, which is then locked. */
    public boolean learning() {
        return !timed;
    }
}
