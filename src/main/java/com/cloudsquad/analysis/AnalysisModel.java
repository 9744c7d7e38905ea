package com.cloudsquad.analysis;

import java.util.List;

/**
 * The one door to a language model (Bedrock through Spring AI in production, a fake in tests).
 * Implementations throw {@link ModelCallFailedException} when the call itself failed and {@link
 * ModelOutputInvalidException} when the answer could not be read as the record asked for.
 */
public interface AnalysisModel {

    /** False when no model is configured: callers use the rule-based fallback then. */
    boolean available();

    /** The model id, stored with each report it writes. */
    String modelId();

    Answer<AnalysisReport> writeReport(AnalysisFacts facts);

    Answer<List<DraftedQuestion>> draftQuestions(DraftRequest request);

    /** What the model returned, with the token counts Converse reported for the call. */
    record Answer<T>(T value, int inputTokens, int outputTokens) {}
}
