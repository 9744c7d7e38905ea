package com.cloudsquad.analysis;

/** The model could not be reached or refused the call; {@code retryable} for throttling, 5xx, timeouts. */
public class ModelCallFailedException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final boolean retryable;

    public ModelCallFailedException(String message, boolean retryable, Throwable cause) {
        super(message, cause);
        this.retryable = retryable;
    }

    public boolean retryable() {
        return retryable;
    }
}
