package com.cloudsquad.exam;

public enum AttemptStatus {
    IN_PROGRESS,
    SUBMITTED,
    EXPIRED,
    ABANDONED;

    public boolean closed() {
        return this != IN_PROGRESS;
    }
}
