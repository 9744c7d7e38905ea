package com.cloudsquad.analysis;

/** The model answered, but not with the structure asked for. */
public class ModelOutputInvalidException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final int inputTokens;
    private final int outputTokens;

    public ModelOutputInvalidException(String message, int inputTokens, int outputTokens, Throwable cause) {
        super(message, cause);
        this.inputTokens = inputTokens;
        this.outputTokens = outputTokens;
    }

    public int inputTokens() {
        return inputTokens;
    }

    public int outputTokens() {
        return outputTokens;
    }
}
