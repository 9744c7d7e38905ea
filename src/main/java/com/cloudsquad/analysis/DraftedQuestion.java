package com.cloudsquad.analysis;

import java.util.List;

/** A question as the model drafts it (structured output), before the bank's rules check it. */
public record DraftedQuestion(
        String stem, List<DraftedOption> options, String explanation, List<String> references, List<String> tags) {

    public record DraftedOption(String text, boolean correct, String explanation) {}
}
