package com.cloudsquad.feedback;

/** Where a problem report is: waiting for an admin, or decided. */
public enum ReportStatus {
    OPEN("Open"),
    RESOLVED("Resolved"),
    REJECTED("Rejected");

    private final String label;

    ReportStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
