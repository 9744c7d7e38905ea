package com.cloudsquad.exam;

/** What kind of attempt: the readiness test (our 30/30) or a full mock of the real exam. */
public enum AttemptMode {
    READINESS("Readiness test"),
    MOCK("Mock exam");

    private final String label;

    AttemptMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
